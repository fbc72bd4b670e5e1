import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type JWTHeaderParameters, jwtVerify, SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { AuthRepository, type SignInMethod } from './auth.repository.js';

/** What a valid token says: whose it is, which session it is (its `jti`), and when it expires. */
export interface TokenClaims {
  userId: string;
  sessionId: string;
  expiresAt: Date;
}

interface Keys {
  /** The one key tokens are signed with, and its id (the `kid` header). */
  signing: { kid: string; key: Uint8Array };
  /** Every key a token may have been signed with, by id: the signing key and TOKEN_SECRET_PREVIOUS. */
  verifying: Map<string, Uint8Array>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A key's id is a digest of the key: it names the key without a table of ids to keep in step between
 * instances. It gives nothing away that a token does not: any HS256 token already lets an attacker test
 * guesses at the key offline, and TOKEN_SECRET is at least 32 characters.
 */
function keyId(key: Uint8Array): string {
  return createHash('sha256').update('partnership-portal token key\0').update(key).digest('base64url').slice(0, 16);
}

/**
 * Signed, expiring access tokens (HS256), each naming a session (`jti`) the server keeps (sessions.service.ts).
 * The key is TOKEN_SECRET when set, and then nothing of it is written to the database; TOKEN_SECRET_PREVIOUS
 * is accepted for verifying only, so a key can be rotated without signing everyone out. Without TOKEN_SECRET,
 * one key is generated on first start and kept in the database, so every instance on it signs and checks alike.
 */
@Injectable()
export class TokensService implements OnApplicationBootstrap {
  private keys?: Promise<Keys>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuthRepository,
  ) {}

  /** A key generated before TOKEN_SECRET was set no longer signs or verifies anything: it does not stay at rest. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.tokenSecret) await this.repository.forgetGeneratedTokenSecret(this.dataSource);
  }

  private loadKeys(): Promise<Keys> {
    this.keys ??= (async () => {
      const encode = (secret: string) => new TextEncoder().encode(secret);
      let signing: Uint8Array;
      const verifying: Uint8Array[] = [];
      if (this.config.tokenSecret) {
        signing = encode(this.config.tokenSecret);
        if (this.config.tokenSecretPrevious) verifying.push(encode(this.config.tokenSecretPrevious));
      } else {
        signing = encode(
          await this.repository.generatedTokenSecret(this.dataSource, randomBytes(48).toString('base64url')),
        );
      }
      return {
        signing: { kid: keyId(signing), key: signing },
        verifying: new Map([signing, ...verifying].map((key) => [keyId(key), key])),
      };
    })();
    return this.keys;
  }

  /** A new session for this user, begun as `signedInWith` says, and the token that presents it. */
  async issue(
    userId: string,
    address: string,
    signedInWith: SignInMethod = 'PASSWORD',
  ): Promise<{ token: string; expiresAt: Date }> {
    const { signing } = await this.loadKeys();
    const sessionId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    await this.repository.insertSession(this.dataSource, sessionId, userId, expiresAt, address, signedInWith);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: signing.kid })
      .setSubject(userId)
      .setJti(sessionId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(signing.key);
    return { token, expiresAt };
  }

  /**
   * What a token signed by a known key, unexpired, says; null for anything else (an unknown `kid`, no `jti`).
   * Whether its session is still open is the caller's question (SessionsService).
   */
  async verify(token: string): Promise<TokenClaims | null> {
    const { verifying } = await this.loadKeys();
    try {
      const { payload } = await jwtVerify(
        token,
        (header: JWTHeaderParameters) => {
          const key = header.kid ? verifying.get(header.kid) : undefined;
          if (!key) throw new Error('signed by a key this portal does not hold');
          return key;
        },
        { algorithms: ['HS256'] },
      );
      if (
        typeof payload.sub !== 'string' ||
        !UUID.test(payload.sub) ||
        typeof payload.jti !== 'string' ||
        !UUID.test(payload.jti)
      )
        return null;
      if (typeof payload.exp !== 'number') return null;
      return { userId: payload.sub, sessionId: payload.jti, expiresAt: new Date(payload.exp * 1000) };
    } catch {
      return null;
    }
  }
}
