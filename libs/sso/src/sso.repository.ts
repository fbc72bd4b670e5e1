import { Injectable } from '@nestjs/common';
import { type Database, exec, one, rows } from '#libs/db';
import { AgenciesRepository } from '#libs/agencies';
import type { Role } from '#libs/common';

/** An agency's provider as kept, its secret still sealed. */
export interface IdentityProviderRow {
  agency_id: string;
  issuer: string;
  client_id: string;
  client_secret_encrypted: string;
  email_domains: string[];
  roles_claim: string | null;
  create_users: boolean;
  default_role: Role;
  updated_at: Date;
}

export interface SsoAttemptRow {
  agency_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
}

const PROVIDER_COLUMNS =
  'agency_id, issuer, client_id, client_secret_encrypted, email_domains, roles_claim, create_users, default_role, updated_at';

/** The only code that names the single sign-on tables. */
@Injectable()
export class SsoRepository {
  async upsertProvider(db: Database, row: Omit<IdentityProviderRow, 'updated_at'>): Promise<IdentityProviderRow> {
    const [saved] = await rows<IdentityProviderRow>(
      db,
      `INSERT INTO identity_providers (agency_id, issuer, client_id, client_secret_encrypted, email_domains, roles_claim, create_users, default_role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (agency_id) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,
         client_secret_encrypted = EXCLUDED.client_secret_encrypted, email_domains = EXCLUDED.email_domains,
         roles_claim = EXCLUDED.roles_claim, create_users = EXCLUDED.create_users, default_role = EXCLUDED.default_role,
         updated_at = now()
       RETURNING ${PROVIDER_COLUMNS}`,
      [
        row.agency_id,
        row.issuer,
        row.client_id,
        row.client_secret_encrypted,
        row.email_domains,
        row.roles_claim,
        row.create_users,
        row.default_role,
      ],
    );
    return saved;
  }

  /** The removed provider's row, or undefined when the agency had none. */
  deleteProvider(db: Database, agencyId: string): Promise<IdentityProviderRow | undefined> {
    return one<IdentityProviderRow>(
      db,
      `DELETE FROM identity_providers WHERE agency_id = $1 RETURNING ${PROVIDER_COLUMNS}`,
      [agencyId],
    );
  }

  findProvider(db: Database, agencyId: string): Promise<IdentityProviderRow | undefined> {
    return one<IdentityProviderRow>(db, `SELECT ${PROVIDER_COLUMNS} FROM identity_providers WHERE agency_id = $1`, [
      agencyId,
    ]);
  }

  findProviders(db: Database, agencyIds: readonly string[]): Promise<IdentityProviderRow[]> {
    return rows<IdentityProviderRow>(
      db,
      `SELECT ${PROVIDER_COLUMNS} FROM identity_providers WHERE agency_id = ANY($1::uuid[])`,
      [agencyIds],
    );
  }

  /** Every agency with a provider, with its name, by name: what the sign-in page offers. */
  listForSignIn(db: Database): Promise<{ agency_id: string; agency_name: string }[]> {
    return rows(
      db,
      `SELECT p.agency_id, a.name AS agency_name FROM identity_providers p ${AgenciesRepository.joinSql('a', 'p.agency_id')}
        ORDER BY lower(a.name), p.agency_id`,
    );
  }

  /** A sign-in under way; expired ones are dropped on the way, so the table holds only live attempts. */
  async insertAttempt(db: Database, id: string, attempt: SsoAttemptRow, seconds: number): Promise<void> {
    await exec(db, `DELETE FROM sso_attempts WHERE expires_at < now()`);
    await exec(
      db,
      `INSERT INTO sso_attempts (id, agency_id, state, nonce, code_verifier, redirect_uri, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [id, attempt.agency_id, attempt.state, attempt.nonce, attempt.code_verifier, attempt.redirect_uri, seconds],
    );
  }

  /** Takes the attempt (it is gone whatever happens next): single use, and only before it expires. */
  takeAttempt(db: Database, id: string): Promise<SsoAttemptRow | undefined> {
    return one<SsoAttemptRow>(
      db,
      `DELETE FROM sso_attempts WHERE id = $1 AND expires_at > now()
       RETURNING agency_id, state, nonce, code_verifier, redirect_uri`,
      [id],
    );
  }

  async insertHandoff(db: Database, id: string, userId: string, seconds: number): Promise<void> {
    await exec(db, `DELETE FROM sso_handoffs WHERE expires_at < now()`);
    await exec(
      db,
      `INSERT INTO sso_handoffs (id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [id, userId, seconds],
    );
  }

  /** Takes the handoff: its user once, before it expires; undefined ever after. */
  async takeHandoff(db: Database, id: string): Promise<string | undefined> {
    return (
      await one<{ user_id: string }>(
        db,
        `DELETE FROM sso_handoffs WHERE id = $1 AND expires_at > now() RETURNING user_id`,
        [id],
      )
    )?.user_id;
  }
}
