import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files (photos, PDFs, audio, diary sheets) on a case, or on one of its incidents. The bytes live in
 * the evidence store under a random key; a row says what they are, who gave them and their SHA-256, so a copy
 * handed to a court can be shown to be the file received.
 */
export class Evidence1764800000000 implements MigrationInterface {
  name = 'Evidence1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Lets evidence name an incident together with its case, so the database itself refuses an incident of
      -- another case.
      ALTER TABLE incidents ADD CONSTRAINT incidents_id_case_key UNIQUE (id, case_id);

      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- No cascade: a case cannot go while its evidence's bytes are still held (retention removes them first).
        case_id uuid NOT NULL REFERENCES cases(id),
        incident_id uuid,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL,
        byte_size bigint NOT NULL CHECK (byte_size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        description text CHECK (length(description) <= 2000),
        uploaded_by_id uuid NOT NULL REFERENCES users(id),
        uploaded_by_agency_id uuid NOT NULL REFERENCES agencies(id),
        uploaded_at timestamptz(3) NOT NULL DEFAULT now(),
        FOREIGN KEY (incident_id, case_id) REFERENCES incidents (id, case_id)
      );
      CREATE INDEX evidence_files_case_idx ON evidence_files (case_id, uploaded_at);
      CREATE INDEX evidence_files_incident_idx ON evidence_files (incident_id, uploaded_at) WHERE incident_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE evidence_files; ALTER TABLE incidents DROP CONSTRAINT incidents_id_case_key`);
  }
}
