import { Injectable } from '@nestjs/common';
import { type Database, exec, one, rows } from '#libs/db';

export interface EnrolmentRow {
  secret_sealed: string;
  confirmed: boolean;
  last_used_step: string | null;
}

/** The one place that names the second factor's tables (totp_enrolments, totp_recovery_codes, mfa_keys, agency_mfa_requirements). */
@Injectable()
export class MfaRepository {
  findEnrolment(db: Database, userId: string): Promise<EnrolmentRow | undefined> {
    return one<EnrolmentRow>(
      db,
      `SELECT secret_sealed, confirmed_at IS NOT NULL AS confirmed, last_used_step::text AS last_used_step
         FROM totp_enrolments WHERE user_id = $1`,
      [userId],
    );
  }

  /** A new pending secret, replacing a pending one; false when an enrolment is already confirmed (it is kept). */
  async beginEnrolment(db: Database, userId: string, sealed: string): Promise<boolean> {
    const begun = await rows(
      db,
      `INSERT INTO totp_enrolments (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = now(), last_used_step = NULL
        WHERE totp_enrolments.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, sealed],
    );
    return begun.length > 0;
  }

  /**
   * Turns the pending enrolment on, spending `step`, and replaces any recovery codes with these digests, in one
   * statement (confirming runs outside a transaction, so that its failed codes stay counted). False if nothing was
   * pending or the step was spent meanwhile.
   */
  async confirmEnrolment(db: Database, userId: string, step: number, digests: readonly string[]): Promise<boolean> {
    const confirmed = await rows(
      db,
      `WITH confirmed AS (
         UPDATE totp_enrolments SET confirmed_at = now(), last_used_step = $2
          WHERE user_id = $1 AND confirmed_at IS NULL AND (last_used_step IS NULL OR last_used_step < $2)
          RETURNING user_id),
       dropped AS (DELETE FROM totp_recovery_codes WHERE user_id IN (SELECT user_id FROM confirmed)),
       added AS (
         INSERT INTO totp_recovery_codes (user_id, code_digest)
         SELECT user_id, digest FROM confirmed, unnest($3::text[]) AS digest)
       SELECT user_id FROM confirmed`,
      [userId, step, digests],
    );
    return confirmed.length > 0;
  }

  /** Spends a step: true only for the first use of a step later than any used before (two racing requests: one wins). */
  async spendStep(db: Database, userId: string, step: number): Promise<boolean> {
    const spent = await exec(
      db,
      `UPDATE totp_enrolments SET last_used_step = $2
        WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)`,
      [userId, step],
    );
    return spent > 0;
  }

  /** Spends a recovery code of a confirmed enrolment: true the first time only. */
  async spendRecoveryCode(db: Database, userId: string, digest: string): Promise<boolean> {
    const spent = await exec(
      db,
      `UPDATE totp_recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_digest = $2 AND used_at IS NULL
          AND EXISTS (SELECT 1 FROM totp_enrolments WHERE user_id = $1 AND confirmed_at IS NOT NULL)`,
      [userId, digest],
    );
    return spent > 0;
  }

  /** The enrolment and its recovery codes, in one statement; false if there was no confirmed enrolment. */
  async removeEnrolment(db: Database, userId: string): Promise<boolean> {
    const removed = await rows(
      db,
      `WITH removed AS (DELETE FROM totp_enrolments WHERE user_id = $1 AND confirmed_at IS NOT NULL RETURNING user_id),
       codes AS (DELETE FROM totp_recovery_codes WHERE user_id IN (SELECT user_id FROM removed))
       SELECT user_id FROM removed`,
      [userId],
    );
    return removed.length > 0;
  }

  /** Whether the user has a confirmed second factor, and whether their agency requires one of everyone. */
  async status(
    db: Database,
    userId: string,
    agencyId: string,
  ): Promise<{ enrolled: boolean; agency_requires: boolean }> {
    const row = await one<{ enrolled: boolean; agency_requires: boolean }>(
      db,
      `SELECT EXISTS (SELECT 1 FROM totp_enrolments WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS enrolled,
              coalesce((SELECT required FROM agency_mfa_requirements WHERE agency_id = $2), false) AS agency_requires`,
      [userId, agencyId],
    );
    return row!;
  }

  /** The agencies of `agencyIds` that require a second factor of everyone. */
  async agenciesRequiring(db: Database, agencyIds: readonly string[]): Promise<string[]> {
    const found = await rows<{ agency_id: string }>(
      db,
      `SELECT agency_id FROM agency_mfa_requirements WHERE agency_id = ANY($1::uuid[]) AND required`,
      [agencyIds],
    );
    return found.map((row) => row.agency_id);
  }

  async setAgencyRequirement(db: Database, agencyId: string, required: boolean): Promise<boolean> {
    const [row] = await rows<{ previous: boolean | null }>(
      db,
      `WITH previous AS (SELECT required FROM agency_mfa_requirements WHERE agency_id = $1)
       INSERT INTO agency_mfa_requirements (agency_id, required) VALUES ($1, $2)
       ON CONFLICT (agency_id) DO UPDATE SET required = EXCLUDED.required, changed_at = now()
       RETURNING (SELECT required FROM previous) AS previous`,
      [agencyId, required],
    );
    return row.previous ?? false;
  }

  /** The key generated on first start when MFA_KEY is not set, kept for every instance on this database. */
  async generatedKey(db: Database, generated: string): Promise<string> {
    await exec(db, `INSERT INTO mfa_keys (id, key) VALUES ('generated', $1) ON CONFLICT (id) DO NOTHING`, [generated]);
    return (await one<{ key: string }>(db, `SELECT key FROM mfa_keys WHERE id = 'generated'`))!.key;
  }

  /** The generated key if one was ever made: secrets sealed with it before MFA_KEY was set still open. */
  async existingGeneratedKey(db: Database): Promise<string | null> {
    return (await one<{ key: string }>(db, `SELECT key FROM mfa_keys WHERE id = 'generated'`))?.key ?? null;
  }
}
