import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseCsv } from './csv.js';
import { TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const pdfText = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/gi)]
    .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
    .join('');

describe('exports: a case list as CSV and a case summary as PDF, with the reader’s rules, recorded in the audit trail', () => {
  let portal: TestPortal;
  let owner: Persona;
  let manager: Persona;
  let council: Persona;
  let councilAgency: string;
  let daCase: string;
  let noiseCase: string;
  const get = (path: string, persona?: Persona) =>
    fetch(`${portal.url}${path}`, { headers: persona ? { authorization: `Bearer ${persona.token}` } : {} });

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Export Homes', 'LANDLORD');
    councilAgency = await people.agency('Export Council', 'COUNCIL');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    council = await people.user(councilAgency, ['CASEWORKER'], 'council');
    const create = async (input: Record<string, unknown>) =>
      (
        await portal.ok(
          `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
          { input },
          owner.token,
        )
      ).createCase.id as string;
    daCase = await create({
      category: 'DOMESTIC_ABUSE',
      summary: 'Threats from an ex-partner',
      ward: 'Northgate',
      riskLevel: 'HIGH',
      address: '4 Secret Lane',
      parties: [{ role: 'VICTIM', fullName: 'Viv Hidden', phone: '07700 900123' }],
    });
    noiseCase = await create({
      category: 'NOISE',
      summary: '=HYPERLINK("http://evil.example","click")',
      ward: 'Kingsmead',
      riskLevel: 'STANDARD',
      parties: [{ role: 'COMPLAINANT', fullName: 'Cal Complainant' }],
    });
    for (const c of [daCase, noiseCase]) {
      await portal.ok(
        `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: LIMITED, reason: "Partnership agreement") { id } }`,
        { c, a: councilAgency },
        owner.token,
      );
    }
    await portal.ok(
      `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-05-01T21:00:00Z", category: DOMESTIC_ABUSE, description: "Threatening messages received" }) { id } }`,
      { c: daCase },
      owner.token,
    );
  });
  afterAll(() => portal.close());

  it('writes a LIMITED partner "withheld" where identifiers are, neutralises formulas, and records each case as exported', async () => {
    expect((await get('/exports/cases/cases.csv')).status).toBe(401);
    const response = await get('/exports/cases/cases.csv', council);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    expect(text).not.toContain('Viv Hidden');
    expect(text).not.toContain('Secret Lane');
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(header).toContain('Reference');
    const column = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(2);
    const da = rows.find((r) => r[column('Category')] === 'DOMESTIC_ABUSE')!;
    expect(da[column('Address')]).toBe('withheld');
    expect(da[column('People')]).toBe('VICTIM: withheld');
    expect(da[column('Your access')]).toBe('LIMITED');
    const noise = rows.find((r) => r[column('Category')] === 'NOISE')!;
    expect(noise[column('Summary')].startsWith("'=")).toBe(true);
    const { rows: audit } = await portal.db.query(
      `SELECT case_id FROM audit_events WHERE action = 'CASE_EXPORTED' AND actor_id = $1 ORDER BY case_id`,
      [council.id],
    );
    expect(audit.map((r: { case_id: string }) => r.case_id).sort()).toEqual([daCase, noiseCase].sort());
    // The owner's manager reads it in the case's audit trail.
    const trail = (
      await portal.ok(
        `query($c: ID!) { caseAuditTrail(caseId: $c) { edges { node { action detail actor { agency { name } } } } } }`,
        { c: daCase },
        manager.token,
      )
    ).caseAuditTrail.edges.map((e: { node: unknown }) => e.node);
    expect(trail).toContainEqual({
      action: 'CASE_EXPORTED',
      detail: 'Exported the case list (CSV)',
      actor: { agency: { name: 'Export Council' } },
    });
  });

  it('records the export of every case in the list before any of it leaves, and sends nothing it could not record', async () => {
    // Recording fails for this reader: the database refuses their CASE_EXPORTED events.
    await portal.db.query(`CREATE FUNCTION test_refuse_export() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'export not recorded'; END $$`);
    await portal.db.query(`CREATE TRIGGER test_refuse_export BEFORE INSERT ON audit_events FOR EACH ROW
      WHEN (NEW.action = 'CASE_EXPORTED' AND NEW.actor_id = '${owner.id}') EXECUTE FUNCTION test_refuse_export()`);
    try {
      const refused = await get('/exports/cases/cases.csv', owner);
      const body = await refused.text();
      expect(refused.status).toBe(500);
      expect(refused.headers.get('content-disposition')).toBeNull();
      expect(body).not.toContain('Reference');
      expect(body).not.toContain('Cal Complainant');
    } finally {
      await portal.db.query(`DROP TRIGGER test_refuse_export ON audit_events; DROP FUNCTION test_refuse_export()`);
    }
    expect(
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'CASE_EXPORTED' AND actor_id = $1`,
          [owner.id],
        )
      ).rows[0].n,
    ).toBe(0);

    // Recorded, it is sent: every case in the file has its event, written no later than the file.
    const sent = await get('/exports/cases/cases.csv', owner);
    const [header, ...rows] = parseCsv((await sent.text()).replace(/^\uFEFF/, ''));
    const { rows: cases } = await portal.db.query(`SELECT id, reference FROM cases WHERE reference = ANY($1)`, [
      rows.map((r) => r[header.indexOf('Reference')]),
    ]);
    expect(cases).toHaveLength(rows.length);
    const { rows: events } = await portal.db.query(
      `SELECT case_id FROM audit_events WHERE action = 'CASE_EXPORTED' AND actor_id = $1`,
      [owner.id],
    );
    expect(events.map((e: { case_id: string }) => e.case_id).sort()).toEqual(
      cases.map((c: { id: string }) => c.id).sort(),
    );
  });

  it('honours the list filters', async () => {
    const rows = parseCsv(
      (await (await get('/exports/cases/cases.csv?category=NOISE', owner)).text()).replace(/^\uFEFF/, ''),
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('COMPLAINANT: Cal Complainant');
  });

  it('prints a case summary PDF with the reader’s rules, and nothing for a case the reader cannot see', async () => {
    const limited = await get(`/exports/cases/${daCase}.pdf`, council);
    expect(limited.headers.get('content-type')).toBe('application/pdf');
    const limitedText = pdfText(Buffer.from(await limited.arrayBuffer()));
    expect(limitedText).toContain('Threatening messages received');
    expect(limitedText).toContain('withheld');
    expect(limitedText).toContain('OFFICIAL-SENSITIVE');
    expect(limitedText).not.toContain('Viv Hidden');
    const full = pdfText(Buffer.from(await (await get(`/exports/cases/${daCase}.pdf`, owner)).arrayBuffer()));
    expect(full).toContain('Viv Hidden');
    expect(full).toContain('4 Secret Lane');

    const people = new Partnership(portal);
    const stranger = await people.user(await people.agency('Export Strangers', 'OTHER'), ['CASEWORKER'], 'stranger');
    expect((await get(`/exports/cases/${daCase}.pdf`, stranger)).status).toBe(404);
    expect((await get(`/exports/cases/00000000-0000-4000-8000-000000000000.pdf`, stranger)).status).toBe(404);
  });

  it('refuses a file as every file route does (exports, packs, evidence): its status, with the GraphQL code and message, naming nothing', async () => {
    const refusal = async (path: string, persona?: Persona) => {
      const res = await get(path, persona);
      return { status: res.status, body: await res.json() };
    };
    const notFound = { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' } };
    const signIn = { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in to continue' } };
    expect(await refusal('/exports/cases/cases.csv')).toEqual(signIn);
    expect(await refusal('/packs/meetings/00000000-0000-4000-8000-000000000000.pdf')).toEqual(signIn);
    expect(await refusal('/evidence/00000000-0000-4000-8000-000000000000')).toEqual(signIn);
    expect(await refusal('/exports/cases/secrets.txt', owner)).toEqual(notFound);
    expect(await refusal(`/exports/cases/00000000-0000-4000-8000-000000000000.pdf`, owner)).toEqual(notFound);
    expect(await refusal('/packs/meetings/00000000-0000-4000-8000-000000000000.pdf', owner)).toEqual(notFound);
  });
});
