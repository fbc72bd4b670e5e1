import type { DataSource } from 'typeorm';
import { hashPassword } from './passwords.js';

export const ADMINISTRATION_AGENCY = 'Partnership administration';

/**
 * The first administrator, from ADMIN_EMAIL / ADMIN_PASSWORD, when none exists yet. They belong to an
 * agency of kind OTHER kept for the partnership's administration, so every user has an agency.
 */
export async function ensureAdministrator(dataSource: DataSource, email: string, password: string): Promise<'created' | 'exists'> {
  return dataSource.transaction(async (db) => {
    // Two instances starting together must not both create one.
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('partnership-bootstrap'))`);
    const [existing] = await db.query(`SELECT 1 FROM users WHERE 'ADMIN' = ANY(roles) AND active`);
    if (existing) return 'exists';
    let [agency] = await db.query(`SELECT id FROM agencies WHERE lower(name) = lower($1)`, [ADMINISTRATION_AGENCY]);
    if (!agency) {
      [agency] = await db.query(`INSERT INTO agencies (name, kind) VALUES ($1, 'OTHER') RETURNING id`, [ADMINISTRATION_AGENCY]);
    }
    await db.query(
      `INSERT INTO users (email, display_name, agency_id, roles, password_hash) VALUES ($1, 'Partnership administrator', $2, ARRAY['ADMIN'], $3)
       ON CONFLICT (lower(email)) DO UPDATE SET roles = array_append(array_remove(users.roles, 'ADMIN'), 'ADMIN'), active = true`,
      [email.toLowerCase(), agency.id, await hashPassword(password)],
    );
    return 'created';
  });
}
