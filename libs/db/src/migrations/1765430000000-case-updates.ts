import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each case table, with the kind of change a row of it is, the column naming the agency that made it (for work
 * outside a request, which sets no acting agency) and the column naming an agency the change is about although
 * it may not hold the case (a share's agency, told its share ended; an action's owner; a triage report's agency).
 */
const CASE_TABLES: { table: string; what: string; actor?: string; about?: string; ignored?: string[] }[] = [
  { table: 'parties', what: 'PARTY' },
  { table: 'incidents', what: 'INCIDENT', actor: 'logged_by_agency_id' },
  // An overdue alert marks the action for the scheduler: not a change anyone sees. The owning agency hears of
  // its action even on a case it does not hold (a meeting's action: its interventions register shows it).
  { table: 'case_actions', what: 'ACTION', about: 'owner_agency_id', ignored: ['overdue_alerted_at'] },
  { table: 'case_shares', what: 'SHARE', about: 'agency_id' },
  { table: 'contacts', what: 'CONTACT' },
  { table: 'evidence_files', what: 'EVIDENCE', actor: 'uploaded_by_agency_id' },
  { table: 'dash_assessments', what: 'RISK', actor: 'assessed_by_agency_id' },
  { table: 'asb_risk_assessments', what: 'RISK', actor: 'assessed_by_agency_id' },
  { table: 'action_plans', what: 'ACTION_PLAN' },
  { table: 'case_reviews', what: 'CASE_REVIEW' },
  { table: 'satisfaction_surveys', what: 'SATISFACTION' },
  { table: 'legal_holds', what: 'LEGAL_HOLD' },
  { table: 'agenda_items', what: 'MEETING', actor: 'referred_by_agency_id' },
  { table: 'intake_reports', what: 'TRIAGE', actor: 'agency_id', about: 'agency_id' },
];

/**
 * Every open screen stays live (issue 17, item 1): each committed change on a case sends a NOTIFY on
 * `case_updates`, `<caseId>|<what>|<acting agency>|<agency it is about>`, which the case feed turns into
 * `caseUpdates`/`caseActivity` after checking, at delivery, who holds the case then. Triggers rather than a
 * call in each service, so no change path (a mutation, the scheduler, retention, an upload) can forget it.
 * PostgreSQL sends notifications only at commit (a rolled-back change says nothing) and folds identical ones
 * within a transaction, so a mutation touching many rows of one case sends each kind once. The acting agency is
 * the transaction's `portal.agency` (a request's, agency-scoped-db.ts), else the row's own column, else empty.
 * The payload names no person and carries no text of the case.
 */
export class CaseUpdates1765430000000 implements MigrationInterface {
  name = 'CaseUpdates1765430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION case_updates_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          rec jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
          ignored text[] := '{}';
          actor text := nullif(current_setting('portal.agency', true), '');
        BEGIN
          FOR i IN 3 .. TG_NARGS - 1 LOOP ignored := ignored || TG_ARGV[i]; END LOOP;
          IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - ignored) = (to_jsonb(OLD) - ignored) THEN
            RETURN NULL;
          END IF;
          IF actor IS NULL AND TG_ARGV[1] <> '' THEN actor := rec ->> TG_ARGV[1]; END IF;
          PERFORM pg_notify('case_updates', concat_ws('|', coalesce(rec ->> 'case_id', ''), TG_ARGV[0],
            coalesce(actor, ''), CASE WHEN TG_ARGV[2] <> '' THEN coalesce(rec ->> TG_ARGV[2], '') ELSE '' END));
          RETURN NULL;
        END $$;

      -- The case record: closing and reopening, and its risk level, are told apart from its other fields.
      CREATE FUNCTION cases_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          what text := 'CASE';
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            IF NEW IS NOT DISTINCT FROM OLD THEN RETURN NULL; END IF;
            IF NEW.status IS DISTINCT FROM OLD.status THEN what := 'CLOSURE';
            ELSIF NEW.risk_level IS DISTINCT FROM OLD.risk_level THEN what := 'RISK';
            END IF;
          END IF;
          PERFORM pg_notify('case_updates', concat_ws('|', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, what,
            coalesce(nullif(current_setting('portal.agency', true), ''), ''), ''));
          RETURN NULL;
        END $$;
      CREATE TRIGGER case_updates AFTER INSERT OR UPDATE OR DELETE ON cases
        FOR EACH ROW EXECUTE FUNCTION cases_notify();
    `);
    for (const { table, what, actor = '', about = '', ignored = [] } of CASE_TABLES) {
      const args = [what, actor, about, ...ignored].map((arg) => `'${arg}'`).join(', ');
      await db.query(
        `CREATE TRIGGER case_updates AFTER INSERT OR UPDATE OR DELETE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION case_updates_notify(${args})`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table } of CASE_TABLES) await db.query(`DROP TRIGGER case_updates ON ${table}`);
    await db.query(`
      DROP TRIGGER case_updates ON cases;
      DROP FUNCTION cases_notify();
      DROP FUNCTION case_updates_notify();
    `);
  }
}
