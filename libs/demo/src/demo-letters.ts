import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { SessionsService } from '#libs/auth';
import { LettersService, STARTER_TEMPLATES } from '#libs/letters';

/**
 * Issue 19, item 4: the landlord and the council ASB unit start with the standard letter templates (a warning
 * letter at the landlord, a CPW at the council, and the other kinds), each saved once by the agency's manager.
 */
export async function seedDemoLetters(
  db: EntityManager,
  agencies: { agency: string; manager: string }[],
): Promise<void> {
  const rows = agencies.flatMap(({ agency, manager }) =>
    STARTER_TEMPLATES.map((t) => ({ agency_id: agency, kind: t.kind, name: t.name, body: t.body, by: manager })),
  );
  await db.query(
    `WITH t AS (
       INSERT INTO letter_templates (agency_id, kind, name, body, created_by, updated_by)
       SELECT r.agency_id, r.kind, r.name, r.body, r.by, r.by
         FROM jsonb_to_recordset($1::jsonb) AS r(agency_id uuid, kind text, name text, body text, by uuid)
       RETURNING id, agency_id, version, name, body, created_by
     )
     INSERT INTO letter_template_versions (template_id, version, agency_id, name, body, saved_by)
     SELECT id, version, agency_id, name, body, created_by FROM t`,
    [JSON.stringify(rows)],
  );
}

/**
 * One warning letter already sent, made the way a caseworker makes one (so its PDF is in the evidence store, and
 * the action and the trail are the real ones): the landlord's caseworker to the subject of the landlord's first
 * open nuisance case. Run once, after the partnership is seeded, because the PDF goes to the store and not only to
 * the database.
 */
export async function produceDemoLetter(app: INestApplicationContext, dataSource: DataSource): Promise<void> {
  const [found]: { user_id: string; case_id: string; party_id: string; template_id: string }[] = await dataSource.query(
    `SELECT u.id AS user_id, c.id AS case_id, p.id AS party_id, t.id AS template_id
       FROM users u
       JOIN cases c ON c.owner_agency_id = u.agency_id AND c.status = 'OPEN' AND c.category <> 'DOMESTIC_ABUSE'
       JOIN parties p ON p.case_id = c.id AND p.role = 'SUBJECT' AND p.full_name IS NOT NULL AND NOT p.anonymous
       JOIN letter_templates t ON t.agency_id = u.agency_id AND t.kind = 'WARNING_LETTER'
      WHERE lower(u.email) = 'caseworker@riverside-homes.example'
      ORDER BY c.reference, p.position LIMIT 1`,
  );
  if (!found) return;
  const sessions = app.get(SessionsService);
  const user = await sessions.activeUser(found.user_id);
  if (!user) return;
  await app
    .get(LettersService)
    .produce(sessions.contextFor(user, 'demo'), found.case_id, found.template_id, found.party_id);
}
