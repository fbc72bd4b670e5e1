import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DASH risk assessments, and multi-agency meetings (MARAC, ASB panels, ASB Case Reviews): who attends, the
 * agenda of referred cases, each agency's research, attendance and apologies, the confidentiality statement
 * each attendee agrees, minutes, and actions (case actions that remember the agenda item that agreed them).
 */
export class Meetings1764300000000 implements MigrationInterface {
  name = 'Meetings1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dash_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        answers jsonb NOT NULL,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 24),
        judged_high_risk boolean NOT NULL DEFAULT false,
        high_risk boolean NOT NULL,
        concerns text,
        review_due_at timestamptz(3) NOT NULL,
        assessed_by_id uuid NOT NULL REFERENCES users(id),
        assessed_by_agency_id uuid NOT NULL REFERENCES agencies(id),
        assessed_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CHECK (high_risk = (score >= 14 OR judged_high_risk))
      );
      CREATE INDEX dash_assessments_case_idx ON dash_assessments (case_id, assessed_at DESC);

      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('MARAC','ASB_PANEL','CASE_REVIEW')),
        title text NOT NULL,
        starts_at timestamptz(3) NOT NULL,
        chair_id uuid NOT NULL REFERENCES users(id),
        scheduled_by_id uuid NOT NULL REFERENCES users(id),
        scheduled_at timestamptz(3) NOT NULL DEFAULT now(),
        published_at timestamptz(3),
        current_item_id uuid,
        closed_at timestamptz(3),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX meetings_starts_idx ON meetings (starts_at, id);

      CREATE TABLE meeting_agencies (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        PRIMARY KEY (meeting_id, agency_id)
      );
      CREATE INDEX meeting_agencies_agency_idx ON meeting_agencies (agency_id, meeting_id);

      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id),
        position integer NOT NULL,
        reason text NOT NULL CHECK (reason IN ('DASH_THRESHOLD','PROFESSIONAL_JUDGEMENT','ESCALATION','REPEAT_REFERRAL')),
        dash_score integer CHECK (dash_score BETWEEN 0 AND 24),
        dash_assessment_id uuid REFERENCES dash_assessments(id),
        concerns text,
        referred_by_id uuid NOT NULL REFERENCES users(id),
        referred_by_agency_id uuid NOT NULL REFERENCES agencies(id),
        referred_at timestamptz(3) NOT NULL DEFAULT now(),
        withdrawn_at timestamptz(3),
        withdrawn_reason text,
        minutes text,
        minutes_recorded_at timestamptz(3),
        UNIQUE (meeting_id, case_id)
      );
      CREATE INDEX agenda_items_case_idx ON agenda_items (case_id, referred_at);
      ALTER TABLE meetings ADD FOREIGN KEY (current_item_id) REFERENCES agenda_items(id);

      CREATE TABLE agenda_research (
        agenda_item_id uuid NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        summary text NOT NULL,
        recorded_by_id uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (agenda_item_id, agency_id)
      );

      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        status text NOT NULL CHECK (status IN ('PRESENT','OBSERVER','APOLOGIES')),
        information_sent text,
        recorded_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, user_id)
      );

      CREATE TABLE meeting_confidentiality (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        agreed_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, user_id)
      );

      ALTER TABLE case_actions ADD COLUMN agenda_item_id uuid REFERENCES agenda_items(id);
      CREATE INDEX case_actions_agenda_idx ON case_actions (agenda_item_id) WHERE agenda_item_id IS NOT NULL;

      ALTER TABLE alerts ADD COLUMN meeting_id uuid REFERENCES meetings(id);

      -- Repeat referrals: the same victim and subject are found by name across every agency's cases.
      CREATE INDEX parties_name_key_idx ON parties (lower(btrim(full_name)), role) WHERE full_name IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX parties_name_key_idx;
      ALTER TABLE alerts DROP COLUMN meeting_id;
      ALTER TABLE case_actions DROP COLUMN agenda_item_id;
      ALTER TABLE meetings DROP CONSTRAINT IF EXISTS meetings_current_item_id_fkey;
      DROP TABLE meeting_confidentiality, meeting_attendance, agenda_research, agenda_items, meeting_agencies, meetings, dash_assessments;
    `);
  }
}
