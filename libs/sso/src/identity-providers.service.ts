import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AdminAction, AdministrationService } from '#libs/administration';
import { AgenciesService } from '#libs/agencies';
import { EncryptionKey } from '#libs/auth';
import { BadInputError, NotFoundError, SecretBox } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { loaderFor, type RequestContext } from '#libs/context';
import type { IdentityProvider, SignInProvider } from './identity-provider.model.js';
import type { ConfigureIdentityProviderInput } from './sso.inputs.js';
import { type IdentityProviderRow, SsoRepository } from './sso.repository.js';
import { isDomainName, issuerProblem, normaliseDomain } from './sso.rules.js';

export const CALLBACK_PATH = '/auth/sso/callback';
export const startPath = (agencyId: string) => `/auth/sso/${agencyId}/start`;

/** An agency's provider with its secret opened, for the sign-in flow only. */
export interface ProviderSettings {
  agencyId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomains: string[];
  rolesClaim: string | null;
  createUsers: boolean;
  defaultRole: IdentityProviderRow['default_role'];
  /** Changes whenever the row does: a cached discovery for an older version is not used. */
  version: string;
}

/**
 * Agencies' identity providers, as the partnership administrator sets them. The client secret is sealed with
 * AES-256-GCM before it reaches the database: the key is ENCRYPTION_KEY, else derived from TOKEN_SECRET, else
 * from the key the portal generated and keeps in the database (the embedded default, no better than the
 * database's own protection).
 */
@Injectable()
export class IdentityProvidersService {
  private box?: SecretBox;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly administration: AdministrationService,
    private readonly encryptionKey: EncryptionKey,
    private readonly repository: SsoRepository,
  ) {}

  private async secretBox(): Promise<SecretBox> {
    this.box ??= new SecretBox(await this.encryptionKey.get(), 'identity provider secret');
    return this.box;
  }

  async configure(
    ctx: RequestContext,
    agencyIdInput: string,
    input: ConfigureIdentityProviderInput,
  ): Promise<IdentityProvider> {
    const agency = await this.agencies.require(ctx, agencyIdInput, 'agencyId');
    const issuer = input.issuer.trim();
    const problem = issuerProblem(issuer);
    if (problem) throw new BadInputError('issuer', problem);
    const domains = [...new Set(input.emailDomains.map(normaliseDomain))];
    const bad = domains.find((domain) => !isDomainName(domain));
    if (bad !== undefined) throw new BadInputError('emailDomains', `"${bad}" is not an email domain`);
    const box = await this.secretBox();
    const row = await this.repository.upsertProvider(ctx.db, {
      agency_id: agency.id,
      issuer,
      client_id: input.clientId.trim(),
      client_secret_encrypted: box.seal(input.clientSecret, agency.id),
      email_domains: domains,
      roles_claim: input.rolesClaim?.trim() || null,
      create_users: input.createUsersOnFirstSignIn,
      default_role: input.defaultRole,
    });
    await this.administration.record(ctx, {
      action: AdminAction.IDENTITY_PROVIDER_CONFIGURED,
      agencyId: agency.id,
      detail: { agencyName: agency.name, issuer, emailDomains: domains },
    });
    return this.toModel(row);
  }

  async remove(ctx: RequestContext, agencyIdInput: string): Promise<boolean> {
    const agency = await this.agencies.require(ctx, agencyIdInput, 'agencyId');
    const row = await this.repository.deleteProvider(ctx.db, agency.id);
    if (!row) throw new NotFoundError('IdentityProvider', 'agencyId');
    await this.administration.record(ctx, {
      action: AdminAction.IDENTITY_PROVIDER_REMOVED,
      agencyId: agency.id,
      detail: { agencyName: agency.name, issuer: row.issuer, emailDomains: row.email_domains },
    });
    return true;
  }

  /** For `Agency.identityProvider`: one statement for every agency of the answer. */
  ofAgency(ctx: RequestContext, agencyId: string): Promise<IdentityProvider | null> {
    const loader = loaderFor(
      ctx,
      'identityProvider',
      () =>
        new DataLoader<string, IdentityProvider | null>(async (ids) => {
          const rows = await this.repository.findProviders(ctx.db, ids);
          const byAgency = new Map(rows.map((row) => [row.agency_id, this.toModel(row)]));
          return ids.map((id) => byAgency.get(id) ?? null);
        }),
    );
    return loader.load(agencyId);
  }

  async forSignIn(ctx: RequestContext): Promise<SignInProvider[]> {
    return (await this.repository.listForSignIn(ctx.db)).map((row) => ({
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      startPath: startPath(row.agency_id),
    }));
  }

  /** The provider with its secret opened; null when the agency has none, or its secret no longer opens. */
  async settings(agencyId: string): Promise<ProviderSettings | null> {
    const row = await this.repository.findProvider(this.dataSource, agencyId);
    if (!row) return null;
    const box = await this.secretBox();
    const clientSecret = SecretBox.open([box], row.client_secret_encrypted, row.agency_id);
    // The key changed (TOKEN_SECRET rotated without ENCRYPTION_KEY): the administrator enters the secret again.
    if (clientSecret === null) return null;
    return {
      agencyId: row.agency_id,
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret,
      emailDomains: row.email_domains,
      rolesClaim: row.roles_claim,
      createUsers: row.create_users,
      defaultRole: row.default_role,
      version: row.updated_at.toISOString(),
    };
  }

  /** The redirect URI the provider must have registered: PUBLIC_URL's, else the address the browser used. */
  redirectUri(origin: string | null): string {
    return `${this.config.publicUrl ?? origin ?? ''}${CALLBACK_PATH}`;
  }

  private toModel(row: IdentityProviderRow): IdentityProvider {
    return {
      issuer: row.issuer,
      clientId: row.client_id,
      emailDomains: row.email_domains,
      rolesClaim: row.roles_claim,
      createUsersOnFirstSignIn: row.create_users,
      defaultRole: row.default_role,
      redirectUri: this.config.publicUrl ? this.redirectUri(null) : null,
      updatedAt: row.updated_at,
    };
  }
}
