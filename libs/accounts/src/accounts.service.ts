import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '#libs/context';
import { SessionsService, SignInThrottle } from '#libs/auth';
import {
  BadInputError,
  DomainError,
  TooManyAttemptsError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { MailOutbox } from '#libs/mail';
import { hashPassword, type User, UsersRepository, verifyPassword } from '#libs/users';
import { invitationMail } from './account-mail.js';
import { AccountsRepository, type TokenPurpose } from './accounts.repository.js';
import {
  INVITATION_HOURS,
  looksLikeToken,
  passwordProblem,
  RESET_MAILS_PER_EMAIL,
  RESET_REQUESTS_PER_ADDRESS,
  tokenHash,
} from './accounts.rules.js';

function tooManyWrongPasswords(wait: number): TooManyRequestsError {
  const seconds = `${wait} ${wait === 1 ? 'second' : 'seconds'}`;
  return new TooManyRequestsError(wait, `Too many wrong passwords. Try again in ${seconds}.`, 'currentPassword');
}

/** Used, expired, unknown, for another purpose or a deactivated user: one answer, so a link tells nothing. */
const INVALID_LINK = 'This link is not valid: it may have been used or have expired';

/** Too many reset requests from one address within the hour; says nothing of any account. */
export class TooManyResetRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor() {
    super('Too many password reset requests from here: try again later');
  }
}

/** A fresh link token: 32 random bytes, as the link carries it. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Invitations, resets and password changes: nobody's password is chosen by anyone else. Each of these ends the
 * user's other sessions in the same transaction, so a password someone else knew, or a session someone else holds,
 * stops working when it is replaced.
 */
@Injectable()
export class AccountsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottle,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The password an invited account starts with: random, known to nobody, never stored but as its hash. */
  static unusablePassword(): string {
    return randomBytes(32).toString('base64url');
  }

  /** Queues the invitation of a user just created, in the creating transaction: no user without their invitation. */
  async invite(ctx: RequestContext, user: User): Promise<void> {
    const token = newToken();
    await this.repository.insertToken(ctx.db, user.id, 'INVITATION', tokenHash(token), INVITATION_HOURS * 3600);
    await MailOutbox.enqueue(ctx.db, invitationMail(user.email, user.displayName, this.config.mail.publicUrl, token));
  }

  acceptInvitation(ctx: RequestContext, token: string, password: string): Promise<boolean> {
    return this.setPasswordWithLink(ctx, 'INVITATION', token, password);
  }

  resetPassword(ctx: RequestContext, token: string, password: string): Promise<boolean> {
    return this.setPasswordWithLink(ctx, 'PASSWORD_RESET', token, password);
  }

  /**
   * Always true, after the same statements whether or not the email has an account (the mail, if any, is written
   * afterwards by PasswordResetMailer): neither the answer nor its timing says whether the email is known.
   */
  async requestPasswordReset(ctx: RequestContext, emailInput: string): Promise<boolean> {
    const email = emailInput.trim().toLowerCase();
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email))
      throw new BadInputError('email', 'email must be an email address');
    const id = await this.repository.insertResetRequest(
      ctx.db,
      email,
      ctx.address,
      RESET_MAILS_PER_EMAIL,
      RESET_REQUESTS_PER_ADDRESS,
    );
    if (!id) throw new TooManyResetRequestsError();
    return true;
  }

  /**
   * The signed-in user's own password, given the current one; their other sessions end, this one stays. Outside the
   * mutation transaction (@OutsideTransaction), like sign-in: a wrong current password counts against the account
   * in the sign-in throttle although the answer is an error, so a held session cannot be used to guess the password
   * any faster than the sign-in page can. The change itself is one transaction.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = ctx.user;
    const sessionId = ctx.sessionId;
    if (!user || !sessionId) throw new UnauthenticatedError();
    const attempt = await this.throttle.admit(ctx, user.email).catch((error: unknown) => {
      // The sign-in throttle's wait, told as a refusal of this operation on the field, not UNAUTHENTICATED, which
      // would end the signed-in user's page.
      throw error instanceof TooManyAttemptsError ? tooManyWrongPasswords(error.retryAfterSeconds) : error;
    });
    const current = await this.users.passwordHashOf(ctx.db, user.id);
    if (!current || !(await verifyPassword(current, currentPassword))) {
      await this.throttle.failed(ctx, attempt);
      throw new BadInputError('currentPassword', 'Your current password is not right');
    }
    await this.throttle.succeeded(ctx, user.email);
    const problem = passwordProblem(newPassword, { email: user.email });
    if (problem) throw new BadInputError('newPassword', problem);
    if (await verifyPassword(current, newPassword))
      throw new BadInputError('newPassword', 'The new password is the one you have now');
    const newHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (db) => {
      if (!(await this.users.setPasswordHash(db, user.id, newHash))) throw new UnauthenticatedError();
      await this.repository.useAllOf(db, user.id);
      await this.sessions.endOtherSessions(db, user.id, sessionId, 'PASSWORD_CHANGED');
    });
    return true;
  }

  private async setPasswordWithLink(
    ctx: RequestContext,
    purpose: TokenPurpose,
    token: string,
    password: string,
  ): Promise<boolean> {
    const usable = looksLikeToken(token)
      ? await this.repository.findUsable(ctx.db, tokenHash(token), purpose)
      : undefined;
    if (!usable) throw new BadInputError('token', INVALID_LINK);
    // Checked before anything is written: a refused password leaves the link as it was, to try another.
    const problem = passwordProblem(password, { email: usable.email });
    if (problem) throw new BadInputError('password', problem);
    await this.users.setPasswordHash(ctx.db, usable.user_id, await hashPassword(password));
    await this.repository.useAllOf(ctx.db, usable.user_id);
    await this.sessions.endUserSessions(ctx.db, usable.user_id, 'PASSWORD_CHANGED');
    return true;
  }
}
