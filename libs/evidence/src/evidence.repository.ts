import { Injectable } from '@nestjs/common';
import { type Database, one, rows, SqlParams } from '#libs/db';
import { accessibleSql, readableFieldSql } from '#libs/access';
import { CasesRepository, type CaseViewer } from '#libs/cases';
import type { EvidenceRow } from './evidence-file.model.js';

/** The columns every read of the table answers, in the row type's names. */
export const EVIDENCE_COLUMNS = (alias: string) =>
  [
    'id',
    'case_id',
    'incident_id',
    'file_name',
    'media_type',
    'byte_size',
    'sha256',
    'storage_key',
    'description',
    'uploaded_by_id',
    'uploaded_by_agency_id',
    'uploaded_at',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');

/** The only code that names the evidence_files table. */
@Injectable()
export class EvidenceRepository {
  async insert(
    db: Database,
    file: {
      caseId: string;
      incidentId: string | null;
      fileName: string;
      mediaType: string;
      byteSize: number;
      sha256: string;
      storageKey: string;
      description: string | null;
      uploadedById: string;
      uploadedByAgencyId: string;
    },
  ): Promise<EvidenceRow> {
    const row = await one<EvidenceRow>(
      db,
      `INSERT INTO evidence_files AS e (case_id, incident_id, file_name, media_type, byte_size, sha256, storage_key, description, uploaded_by_id, uploaded_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${EVIDENCE_COLUMNS('e')}`,
      [
        file.caseId,
        file.incidentId,
        file.fileName,
        file.mediaType,
        file.byteSize,
        file.sha256,
        file.storageKey,
        file.description,
        file.uploadedById,
        file.uploadedByAgencyId,
      ],
    );
    return row!;
  }

  /**
   * A file whose case the viewer may read and whose evidence they may read, decided in the SQL, with its case's
   * owner agency; undefined for anything else.
   */
  findReadable(
    db: Database,
    viewer: CaseViewer,
    id: string,
  ): Promise<(EvidenceRow & { owner_agency_id: string }) | undefined> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const scope = accessibleSql(viewer.ability, 'read', 'Case', 'c', params);
    const readable = readableFieldSql(
      viewer.ability,
      'Case',
      'evidence',
      { alias: 'c', caseAlias: 'c', agencyId: viewer.user?.agencyId ?? null },
      params,
    );
    return one<EvidenceRow & { owner_agency_id: string }>(
      db,
      `SELECT ${EVIDENCE_COLUMNS('e')}, c.owner_agency_id FROM evidence_files e JOIN ${CasesRepository.tableAs('c')} ON c.id = e.case_id
        WHERE e.id = ${idParam}::uuid AND ${scope} AND ${readable}`,
      params.values,
    );
  }

  /** Deletes the row; answers it as it was, or undefined when it had gone already. */
  delete(db: Database, id: string): Promise<EvidenceRow | undefined> {
    return one<EvidenceRow>(db, `DELETE FROM evidence_files e WHERE e.id = $1 RETURNING ${EVIDENCE_COLUMNS('e')}`, [
      id,
    ]);
  }

  /** Deletes every file of these cases; answers their storage keys, for the bytes to go after. */
  async deleteAllOfCases(db: Database, caseIds: readonly string[]): Promise<string[]> {
    const deleted = await rows<{ storage_key: string }>(
      db,
      `DELETE FROM evidence_files WHERE case_id = ANY($1::uuid[]) RETURNING storage_key`,
      [caseIds],
    );
    return deleted.map((row) => row.storage_key);
  }

  /** The files of these cases (or incidents), oldest first. */
  findOf(db: Database, column: 'case_id' | 'incident_id', ids: readonly string[]): Promise<EvidenceRow[]> {
    return rows<EvidenceRow>(
      db,
      `SELECT ${EVIDENCE_COLUMNS('e')} FROM evidence_files e WHERE e.${column} = ANY($1::uuid[]) ORDER BY e.uploaded_at, e.id`,
      [ids],
    );
  }
}
