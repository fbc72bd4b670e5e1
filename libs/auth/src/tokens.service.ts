import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { jwtVerify, SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';

/**
 * Signed, expiring access tokens (HS256). The key is TOKEN_SECRET when set; otherwise one generated on first
 * start and kept in the database, so every instance on that database signs and checks alike.
 */
@Injectable()
export class TokensService {
  private key?: Promise<Uint8Array>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private signingKey(): Promise<Uint8Array> {
    this.key ??= (async () => {
      if (this.config.tokenSecret) return new TextEncoder().encode(this.config.tokenSecret);
      await this.dataSource.query(
        `INSERT INTO app_settings (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING`,
        [randomBytes(48).toString('base64url')],
      );
      const [row] = await this.dataSource.query(`SELECT value FROM app_settings WHERE key = 'token_secret'`);
      return new TextEncoder().encode(row.value as string);
    })();
    return this.key;
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.signingKey());
    return { token, expiresAt };
  }

  /** The user id a valid, unexpired token names; null for anything else. */
  async verify(token: string): Promise<{ userId: string; expiresAt: Date } | null> {
    try {
      const { payload } = await jwtVerify(token, await this.signingKey(), { algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
      return { userId: payload.sub, expiresAt: new Date(payload.exp * 1000) };
    } catch {
      return null;
    }
  }
}
