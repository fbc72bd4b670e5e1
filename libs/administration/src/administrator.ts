import type { DataSource } from 'typeorm';
import { Role } from '#libs/common';
import { ADMINISTRATION_AGENCY, hashPassword } from '#libs/users';
import { AdminAction } from './admin-event.model.js';
import { recordAdminEvent } from './admin-log.js';

/**
 * The first administrator, from ADMIN_EMAIL / ADMIN_PASSWORD, when none exists yet. They belong to an
 * agency of kind OTHER kept for the partnership's administration, so every user has an agency. What the
 * portal does here is in the administration log like any administrator's change, with no actor.
 */
export async function ensureAdministrator(dataSource: DataSource, email: string, password: string): Promise<'created' | 'exists'> {
  return dataSource.transaction(async (db) => {
    // Two instances starting together must not both create one.
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('partnership-bootstrap'))`);
    const [existing]: unknown[] = await db.query(`SELECT 1 FROM users WHERE 'ADMIN' = ANY(roles) AND active`);
    if (existing) return 'exists';
    let [agency]: { id: string }[] = await db.query(`SELECT id FROM agencies WHERE lower(name) = lower($1)`, [ADMINISTRATION_AGENCY]);
    if (!agency) {
      const [created]: { id: string }[] = await db.query(`INSERT INTO agencies (name, kind) VALUES ($1, 'OTHER') RETURNING id`, [ADMINISTRATION_AGENCY]);
      agency = created;
      await recordAdminEvent(db, {
        action: AdminAction.AGENCY_CREATED,
        actor: null,
        agencyId: agency.id,
        detail: { agencyName: ADMINISTRATION_AGENCY, agencyKind: 'OTHER', source: 'start' },
      });
    }
    const [before]: { roles: Role[] }[] = await db.query(`SELECT roles FROM users WHERE lower(email) = lower($1)`, [email]);
    const [user]: { id: string; display_name: string; agency_id: string; roles: Role[] }[] = await db.query(
      `INSERT INTO users (email, display_name, agency_id, roles, password_hash) VALUES ($1, 'Partnership administrator', $2, ARRAY['ADMIN'], $3)
       ON CONFLICT (lower(email)) DO UPDATE SET roles = array_append(array_remove(users.roles, 'ADMIN'), 'ADMIN'), active = true
       RETURNING id, display_name, agency_id, roles`,
      [email.toLowerCase(), agency.id, await hashPassword(password)],
    );
    await recordAdminEvent(db, {
      action: before ? AdminAction.ROLES_CHANGED : AdminAction.USER_CREATED,
      actor: null,
      agencyId: user.agency_id,
      userId: user.id,
      detail: { displayName: user.display_name, roles: user.roles, ...(before ? { previousRoles: before.roles } : {}), source: 'start' },
    });
    return 'created';
  });
}
