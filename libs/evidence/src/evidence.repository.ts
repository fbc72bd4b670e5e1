import { Injectable } from '@nestjs/common';
import { type Database, rows } from '#libs/db';

/** The only code that names the evidence_files table. */
@Injectable()
export class EvidenceRepository {
  // anonymising, for retention

  /** Deletes the cases' evidence rows, answering where their files are stored so the service removes them. */
  async deleteOfCases(db: Database, caseIds: string[]): Promise<string[]> {
    const deleted = await rows<{ storage_key: string }>(db, `DELETE FROM evidence_files WHERE case_id = ANY($1::uuid[]) RETURNING storage_key`, [caseIds]);
    return deleted.map((row) => row.storage_key);
  }
}
