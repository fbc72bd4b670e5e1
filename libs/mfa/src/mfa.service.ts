import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { DataSource } from 'typeorm';
import { SecondFactor, type SecondFactorVerdict, SessionsService, SignInThrottle } from '#libs/auth';
import { loaderFor, type RequestContext } from '#libs/context';
import { BadInputError, SecretBox, StateConflictError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import type { Database } from '#libs/db';
import type { MfaStatus, TotpEnrolment } from './mfa.model.js';
import { type EnrolmentRow, MfaRepository } from './mfa.repository.js';
import {
  isRecoveryCode,
  isTotpCode,
  newRecoveryCode,
  normaliseCode,
  RECOVERY_CODE_COUNT,
  recoveryDigest,
  secondFactorRequired,
  TOTP_TOLERANCE_SECONDS,
} from './mfa.rules.js';

/** The sealing keys' purpose: derived from MFA_KEY (or the generated key) for TOTP secrets only. */
const TOTP_SECRET = 'totp secret';

/** The name authenticator apps show beside the account. */
const ISSUER = 'Partnership portal';

interface Keys {
  sealing: SecretBox;
  /** Every key a secret may have been sealed with: the sealing key, and the generated one MFA_KEY replaced. */
  opening: SecretBox[];
}

/**
 * TOTP (RFC 6238, otplib) for local accounts. The secret is sealed at rest with AES-256-GCM under MFA_KEY (or a
 * key generated on first start when it is unset) and answered once, by `begin`. A code is accepted from the step
 * before to the step after the server's, and never twice: each accepted step is written down and no code of that
 * step or an earlier one is accepted again. Failed codes count with the sign-in throttle, on the account's email.
 */
@Injectable()
export class MfaService implements OnModuleInit {
  private keys?: Promise<Keys>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MfaRepository,
    private readonly throttle: SignInThrottle,
    private readonly secondFactor: SecondFactor,
    private readonly sessions: SessionsService,
  ) {}

  onModuleInit(): void {
    this.secondFactor.lend((db, userId, code) => this.checkAtSignIn(db, userId, code));
  }

  private loadKeys(): Promise<Keys> {
    this.keys ??= (async () => {
      if (this.config.mfaKey) {
        const sealing = new SecretBox(this.config.mfaKey, TOTP_SECRET);
        const generated = await this.repository.existingGeneratedKey(this.dataSource);
        return { sealing, opening: generated ? [sealing, new SecretBox(generated, TOTP_SECRET)] : [sealing] };
      }
      const generated = await this.repository.generatedKey(this.dataSource, randomBytes(32).toString('base64url'));
      const sealing = new SecretBox(generated, TOTP_SECRET);
      return { sealing, opening: [sealing] };
    })();
    return this.keys;
  }

  /** A new secret, pending until a code confirms it; a pending one is replaced. Refused while one is on. */
  async begin(ctx: RequestContext): Promise<TotpEnrolment> {
    const user = ctx.user!;
    const secret = generateSecret();
    const { sealing } = await this.loadKeys();
    if (!(await this.repository.beginEnrolment(ctx.db, user.id, sealing.seal(secret, user.id))))
      throw new StateConflictError('A second factor is already on: turn it off before setting up another');
    const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret });
    const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      secret,
      otpauthUri,
      qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    };
  }

  /**
   * Turns the pending second factor on with a first code from the app, and answers ten recovery codes, shown
   * this once (only their digests are kept). Runs outside a transaction: a wrong code stays counted.
   */
  async confirm(ctx: RequestContext, code: string): Promise<string[]> {
    const user = ctx.user!;
    const enrolment = await this.repository.findEnrolment(ctx.db, user.id);
    if (!enrolment || enrolment.confirmed)
      throw new StateConflictError('There is no second factor being set up: begin again', 'code');
    // A typing slip is not a guess: only a well-formed code is counted by the throttle.
    if (!isTotpCode(normaliseCode(code)))
      throw new BadInputError('code', 'Enter the 6-digit code from your authenticator app');
    const attempt = await this.throttle.admit(ctx, user.email);
    const step = await this.acceptedStep(user.id, enrolment, code);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    if (
      step === null ||
      !(await this.repository.confirmEnrolment(
        ctx.db,
        user.id,
        step,
        codes.map((c) => recoveryDigest(user.id, c)),
      ))
    ) {
      await this.throttle.failed(ctx, attempt);
      throw new BadInputError('code', 'That code is wrong or has expired: enter the code the app shows now');
    }
    await this.throttle.succeeded(ctx, user.email);
    return codes;
  }

  /** Turns the second factor off, given a current code or an unused recovery code. Outside a transaction, like `confirm`. */
  async disable(ctx: RequestContext, code: string): Promise<boolean> {
    const user = ctx.user!;
    const enrolment = await this.repository.findEnrolment(ctx.db, user.id);
    if (!enrolment?.confirmed) throw new StateConflictError('No second factor is on', 'code');
    const shaped = normaliseCode(code);
    if (!isTotpCode(shaped) && !isRecoveryCode(shaped))
      throw new BadInputError('code', 'Enter the 6-digit code from your authenticator app, or a recovery code');
    const attempt = await this.throttle.admit(ctx, user.email);
    if (!(await this.spend(ctx.db, user.id, enrolment, code))) {
      await this.throttle.failed(ctx, attempt);
      throw new BadInputError('code', 'That code is wrong, was used already or has expired');
    }
    await this.repository.removeEnrolment(ctx.db, user.id);
    await this.throttle.succeeded(ctx, user.email);
    return true;
  }

  async status(ctx: RequestContext, userId: string, agencyId: string): Promise<MfaStatus> {
    const row = await this.repository.status(ctx.db, userId, agencyId);
    // Signed in through the agency's identity provider, the person's second factor is that provider's to ask.
    const local = (await this.sessions.signInMethod(ctx)) !== 'SINGLE_SIGN_ON';
    return {
      enrolled: row.enrolled,
      required: local && this.config.mfaEnrolmentRequired && secondFactorRequired(ctx.user!.roles, row.agency_requires),
    };
  }

  /** For `Agency.secondFactorRequired`: one statement for every agency of the answer. */
  agencyRequires(ctx: RequestContext, agencyId: string): Promise<boolean> {
    const loader = loaderFor(
      ctx,
      'agencySecondFactorRequired',
      () =>
        new DataLoader<string, boolean>(async (ids) => {
          const requiring = new Set(await this.repository.agenciesRequiring(ctx.db, ids));
          return ids.map((id) => requiring.has(id));
        }),
    );
    return loader.load(agencyId);
  }

  /**
   * For the administration (a lost phone): takes away the user's second factor and recovery codes, so they set
   * one up again; whether they had one.
   */
  resetFor(ctx: RequestContext, userId: string): Promise<boolean> {
    return this.repository.removeEnrolment(ctx.db, userId);
  }

  /** For the administration: whether the agency required it before. */
  setAgencyRequirement(ctx: RequestContext, agencyId: string, required: boolean): Promise<boolean> {
    return this.repository.setAgencyRequirement(ctx.db, agencyId, required);
  }

  /** At sign-in, after a right password (the throttle counts what this answers as a failure). */
  private async checkAtSignIn(db: Database, userId: string, code: string | null): Promise<SecondFactorVerdict> {
    const enrolment = await this.repository.findEnrolment(db, userId);
    if (!enrolment?.confirmed) return 'NONE';
    if (code === null) return 'MISSING';
    return (await this.spend(db, userId, enrolment, code)) ? 'PASSED' : 'WRONG';
  }

  /** A TOTP code of a step not yet spent, or an unused recovery code: spent here, once, whoever races for it. */
  private async spend(db: Database, userId: string, enrolment: EnrolmentRow, code: string): Promise<boolean> {
    const normalised = normaliseCode(code);
    if (isTotpCode(normalised)) {
      const step = await this.acceptedStep(userId, enrolment, normalised);
      return step !== null && (await this.repository.spendStep(db, userId, step));
    }
    if (!isRecoveryCode(normalised)) return false;
    return this.repository.spendRecoveryCode(db, userId, recoveryDigest(userId, normalised));
  }

  /** The step a six-digit code matches, within one step either side and later than the last spent; null otherwise. */
  private async acceptedStep(userId: string, enrolment: EnrolmentRow, code: string): Promise<number | null> {
    const token = normaliseCode(code);
    if (!isTotpCode(token)) return null;
    const secret = SecretBox.open((await this.loadKeys()).opening, enrolment.secret_sealed, userId);
    if (secret === null) return null;
    const result = await verify({
      secret,
      token,
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(enrolment.last_used_step !== null ? { afterTimeStep: Number(enrolment.last_used_step) } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }
}
