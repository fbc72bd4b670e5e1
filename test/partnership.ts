import { ADMIN, PASSWORD, type TestPortal } from './harness.js';

export interface Persona {
  id: string;
  email: string;
  agencyId: string;
  token: string;
}

/** Builds a partnership through the admin API, as an administrator would. */
export class Partnership {
  private adminToken?: string;
  private counter = 0;

  constructor(private readonly portal: TestPortal) {}

  async admin(): Promise<string> {
    this.adminToken ??= await this.portal.login(ADMIN.email, ADMIN.password);
    return this.adminToken;
  }

  async agency(name: string, kind: string): Promise<string> {
    const data = await this.portal.ok<{ createAgency: { id: string } }>(
      `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`,
      { input: { name, kind } },
      await this.admin(),
    );
    return data.createAgency.id;
  }

  async user(agencyId: string, roles: string[] = ['CASEWORKER'], label = 'user'): Promise<Persona> {
    const email = `${label}-${++this.counter}@partnership.test`;
    const data = await this.portal.ok<{ createUser: { id: string } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email, displayName: `${label} ${this.counter}`, agencyId, roles, password: PASSWORD } },
      await this.admin(),
    );
    return { id: data.createUser.id, email, agencyId, token: await this.portal.login(email) };
  }
}
