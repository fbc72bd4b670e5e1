import type { DataSource } from 'typeorm';
import { AgenciesRepository } from '#libs/agencies';
import { AgencyKind } from '#libs/common';
import { ADMINISTRATION_AGENCY, hashPassword, UsersRepository } from '#libs/users';
import { AdminAction } from './admin-event.model.js';
import { AdministrationRepository } from './administration.repository.js';

/**
 * The first administrator, from ADMIN_EMAIL / ADMIN_PASSWORD, when none exists yet. They belong to an
 * agency of kind OTHER kept for the partnership's administration, so every user has an agency. What the
 * portal does here is in the administration log like any administrator's change, with no actor.
 * Run once at start, before the application's providers exist: the repositories hold no state, so it makes its own.
 */
export async function ensureAdministrator(
  dataSource: DataSource,
  email: string,
  password: string,
): Promise<'created' | 'exists'> {
  const users = new UsersRepository();
  const agencies = new AgenciesRepository();
  const log = new AdministrationRepository();
  return dataSource.transaction(async (db) => {
    // Two instances starting together must not both create one.
    await log.lockBootstrap(db);
    if (await users.anyActiveAdministrator(db)) return 'exists';
    let agency = await agencies.findByName(db, ADMINISTRATION_AGENCY);
    if (!agency) {
      agency = await agencies.insert(db, ADMINISTRATION_AGENCY, AgencyKind.OTHER);
      await log.insert(db, {
        action: AdminAction.AGENCY_CREATED,
        actor: null,
        agencyId: agency.id,
        crossAgency: false,
        detail: { agencyName: ADMINISTRATION_AGENCY, agencyKind: 'OTHER', source: 'start' },
      });
    }
    const previousRoles = await users.rolesOfEmail(db, email);
    const user = await users.upsertAdministrator(db, email.toLowerCase(), agency.id, await hashPassword(password));
    await log.insert(db, {
      action: previousRoles ? AdminAction.ROLES_CHANGED : AdminAction.USER_CREATED,
      actor: null,
      agencyId: user.agency_id,
      userId: user.id,
      crossAgency: false,
      detail: {
        displayName: user.display_name,
        roles: user.roles,
        ...(previousRoles ? { previousRoles } : {}),
        source: 'start',
      },
    });
    return 'created';
  });
}
