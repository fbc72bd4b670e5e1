import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trail's one permitted change, held by the owner. The portal's requests run as a role that may only add
 * to and read the trail (see database-roles.ts); retention's replacement of an event's detail goes through
 * `portal_retention_scrub`, which runs as the owner that defined it. The trigger now admits that change only
 * from the trail's owner with `portal.retention` on, which only the function sets (and unsets on return): a
 * role that merely sets `portal.retention` opens nothing. The function scrubs only cases already anonymised
 * and under no legal hold, so even its caller cannot empty the trail of a live case.
 */
export class DatabaseRoles1765330000000 implements MigrationInterface {
  name = 'DatabaseRoles1765330000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND current_setting('portal.retention', true) = 'on'
             AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID)
             AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.case_id = OLD.case_id AND NEW.actor_id = OLD.actor_id
             AND NEW.actor_agency_id = OLD.actor_agency_id AND NEW.action = OLD.action
             AND NEW.detail = '{"removed": "retention"}'::jsonb THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
        END $$;

      CREATE FUNCTION portal_retention_scrub(case_ids uuid[]) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
        SET portal.retention = 'on'
      AS $$
        DECLARE scrubbed integer;
        BEGIN
          UPDATE public.audit_events e SET detail = '{"removed": "retention"}'::jsonb
           WHERE e.case_id = ANY (case_ids)
             AND e.detail IS DISTINCT FROM '{"removed": "retention"}'::jsonb
             AND EXISTS (SELECT 1 FROM public.cases c WHERE c.id = e.case_id AND c.anonymised_at IS NOT NULL)
             AND NOT EXISTS (SELECT 1 FROM public.legal_holds h WHERE h.case_id = e.case_id);
          GET DIAGNOSTICS scrubbed = ROW_COUNT;
          RETURN scrubbed;
        END $$;
      REVOKE ALL ON FUNCTION portal_retention_scrub(uuid[]) FROM PUBLIC;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION portal_retention_scrub(uuid[]);
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND current_setting('portal.retention', true) = 'on'
             AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.case_id = OLD.case_id AND NEW.actor_id = OLD.actor_id
             AND NEW.actor_agency_id = OLD.actor_agency_id AND NEW.action = OLD.action
             AND NEW.detail = '{"removed": "retention"}'::jsonb THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
        END $$;
    `);
  }
}
