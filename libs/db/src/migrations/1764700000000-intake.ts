import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The triage queue: reports as they arrive, before they are a case. Each is accepted as a new case, attached
 * to an open case about the same problem (so repeated reports are not counted twice), or declined with a reason.
 */
export class Intake1764700000000 implements MigrationInterface {
  name = 'Intake1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE intake_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        received_at timestamptz(3) NOT NULL DEFAULT now(),
        channel text NOT NULL CHECK (channel IN ('PHONE','EMAIL','ONLINE','IN_PERSON','APP','PARTNER_SYSTEM')),
        category text NOT NULL,
        summary text NOT NULL,
        ward text NOT NULL,
        address text,
        reporter_name text,
        reporter_phone text,
        anonymous boolean NOT NULL DEFAULT false,
        subject_name text,
        status text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW','ACCEPTED','ATTACHED','DECLINED')),
        decided_at timestamptz(3),
        decided_by_id uuid REFERENCES users(id),
        case_id uuid REFERENCES cases(id),
        decline_reason text,
        logged_by_id uuid NOT NULL REFERENCES users(id),
        CHECK ((status = 'NEW') = (decided_at IS NULL))
      );
      CREATE INDEX intake_reports_queue_idx ON intake_reports (agency_id, received_at) WHERE status = 'NEW';
      CREATE INDEX intake_reports_agency_idx ON intake_reports (agency_id, received_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE intake_reports`);
  }
}
