import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { AuthRepository } from './auth.repository.js';

/**
 * The key material that sealed secrets (identity providers', webhooks') and signed links (unsubscribing) derive
 * their own keys from, each with a purpose of its own (SecretBox's HKDF): ENCRYPTION_KEY, else TOKEN_SECRET, else
 * the key generated once and kept in the database, so every instance on that database agrees. Read once per
 * process; a failed read (the database away) is tried again next time.
 */
@Injectable()
export class EncryptionKey {
  private material?: Promise<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuthRepository,
  ) {}

  get(): Promise<string> {
    const configured = this.config.encryptionKey ?? this.config.tokenSecret;
    if (configured) return Promise.resolve(configured);
    this.material ??= this.repository
      .generatedTokenSecret(this.dataSource, randomBytes(48).toString('base64url'))
      .catch((error: unknown) => {
        this.material = undefined;
        throw error;
      });
    return this.material;
  }
}
