import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActionsService } from '#libs/actions';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const pdfText = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/gi)]
    .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
    .join('');

const KINDS = [
  'WARNING_LETTER',
  'COMMUNITY_PROTECTION_WARNING',
  'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  'CLOSURE_LETTER',
  'CASE_REVIEW_OUTCOME',
] as const;
const ROLES = ['CASEWORKER', 'MANAGER', 'MARAC_CHAIR', 'MARAC_COORDINATOR', 'ADMIN', 'AGENCY_ADMIN'] as const;

const TEMPLATE = `id kind name body version retired`;
const CREATE = `mutation($input: CreateLetterTemplateInput!) { createLetterTemplate(input: $input) { ${TEMPLATE} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: LetterTemplateTextInput!) { updateLetterTemplate(id: $id, expectedVersion: $v, input: $input) { ${TEMPLATE} } }`;
const RETIRE = `mutation($id: ID!) { retireLetterTemplate(id: $id) { ${TEMPLATE} } }`;
const PREVIEW = `query($c: ID!, $t: ID!, $p: ID!) { previewLetter(caseId: $c, templateId: $t, recipientPartyId: $p) { text withheldFields missingFields templateVersion } }`;
const PRODUCE = `mutation($c: ID!, $t: ID!, $p: ID!) { produceLetter(caseId: $c, templateId: $t, recipientPartyId: $p) {
  withheldFields missingFields templateVersion recordedAs recordId evidence { id fileName mediaType downloadPath description } } }`;

const WARNING_BODY = `{{today}}
{{recipient.fullName}}
{{recipient.address}}
Reference {{case.reference}} ({{case.category}}, {{case.ward}})
We had a report on {{incidents.latest.occurredAt}}. This must stop.
{{officer.displayName}}, {{agency.name}}`;

describe('letters from templates: kept by managers, merged through the writer’s own view, kept as evidence', () => {
  let portal: TestPortal;
  let people: Partnership;
  let dataDir: string;
  let landlord: string;
  let council: string;
  let manager: Persona;
  let caseworker: Persona;
  let councilManager: Persona;
  let councilWorker: Persona;
  let noiseCase: { id: string; reference: string; parties: { id: string; role: string }[] };
  let daCase: { id: string; reference: string; parties: { id: string; role: string }[] };
  let warning: { id: string; version: number };
  let councilWarning: { id: string };

  const partyOf = (kase: typeof noiseCase, role: string) => kase.parties.find((p) => p.role === role)!.id;
  const count = async (sql: string, params: unknown[] = []) => Number((await portal.db.query(sql, params)).rows[0].n);
  const stored = () => {
    const files = join(dataDir, 'evidence', 'files');
    return existsSync(files) ? readdirSync(files).flatMap((fan) => readdirSync(join(files, fan))).length : 0;
  };
  const download = async (path: string, persona: Persona) => {
    const res = await fetch(`${portal.url}${path}`, { headers: { authorization: `Bearer ${persona.token}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  const createCase = async (persona: Persona, input: Record<string, unknown>) =>
    (
      await portal.ok<{ createCase: typeof noiseCase }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference parties { id role } } }`,
        { input },
        persona.token,
      )
    ).createCase;
  const share = (kase: string, agency: string, access: string) =>
    portal.ok(
      `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "ASB partnership agreement") { id } }`,
      { c: kase, a: agency, x: access },
      manager.token,
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portal-letters-'));
    portal = await TestPortal.start({ DATA_DIR: dataDir });
    people = new Partnership(portal);
    landlord = await people.agency('Letter Homes', 'LANDLORD');
    council = await people.agency('Letter Council', 'COUNCIL');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    councilManager = await people.user(council, ['MANAGER'], 'council-manager');
    councilWorker = await people.user(council, ['CASEWORKER'], 'council-worker');

    noiseCase = await createCase(caseworker, {
      category: 'NOISE',
      summary: 'Loud music at night',
      ward: 'Kingsmead',
      riskLevel: 'STANDARD',
      parties: [
        { role: 'COMPLAINANT', fullName: 'Cara Complainant', address: '1 Own Road, Leeds' },
        { role: 'SUBJECT', fullName: 'Nia Neighbour', address: '12 Other Street, Leeds' },
      ],
    });
    await portal.ok(
      `mutation($c: ID!, $i: IncidentInput!) { logIncident(caseId: $c, input: $i) { id } }`,
      {
        c: noiseCase.id,
        i: { occurredAt: '2026-03-14T21:30:00Z', category: 'NOISE', description: 'Music until 2am' },
      },
      caseworker.token,
    );
    daCase = await createCase(caseworker, {
      category: 'DOMESTIC_ABUSE',
      summary: 'Threats by an ex-partner',
      ward: 'Northgate',
      riskLevel: 'HIGH',
      parties: [
        { role: 'VICTIM', fullName: 'Vera Victim', address: '4 Refuge Row, Leeds' },
        { role: 'SUBJECT', fullName: 'Sid Subject', address: '9 Hidden Close, Leeds' },
      ],
    });
    await share(noiseCase.id, council, 'LIMITED');
    await share(daCase.id, council, 'FULL');

    warning = (
      await portal.ok<{ createLetterTemplate: { id: string; version: number } }>(
        CREATE,
        { input: { kind: 'WARNING_LETTER', name: 'First warning', body: WARNING_BODY } },
        manager.token,
      )
    ).createLetterTemplate;
    councilWarning = (
      await portal.ok<{ createLetterTemplate: { id: string } }>(
        CREATE,
        { input: { kind: 'WARNING_LETTER', name: 'Council warning', body: WARNING_BODY } },
        councilManager.token,
      )
    ).createLetterTemplate;
  }, 120_000);

  afterAll(async () => {
    await portal.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('only an agency’s managers create, edit and retire its templates, for every role and kind', async () => {
    for (const role of ROLES) {
      const persona = await people.user(landlord, [role], `role-${role.toLowerCase()}`);
      for (const kind of KINDS) {
        const input = { kind, name: `${kind} by ${role}`, body: 'Dear {{recipient.fullName}}, this is a letter.' };
        const created = await portal.gql<{ createLetterTemplate: { id: string } }>(CREATE, { input }, persona.token);
        if (role === 'MANAGER') {
          expect(created.errors).toBeUndefined();
          const id = created.data!.createLetterTemplate.id;
          const edited = await portal.ok<{ updateLetterTemplate: { version: number } }>(
            UPDATE,
            { id, v: 1, input: { name: input.name, body: `${input.body} Edited.` } },
            persona.token,
          );
          expect(edited.updateLetterTemplate.version).toBe(2);
          const retired = await portal.ok<{ retireLetterTemplate: { retired: boolean } }>(
            RETIRE,
            { id },
            persona.token,
          );
          expect(retired.retireLetterTemplate.retired).toBe(true);
        } else {
          expect(codeOf(created)).toBe('FORBIDDEN');
          const edit = await portal.gql(
            UPDATE,
            { id: warning.id, v: 1, input: { name: 'x', body: 'x' } },
            persona.token,
          );
          expect(codeOf(edit)).toBe('FORBIDDEN');
          expect(codeOf(await portal.gql(RETIRE, { id: warning.id }, persona.token))).toBe('FORBIDDEN');
        }
      }
    }
    // None of the refusals changed the landlord's warning letter.
    expect(
      await count(`SELECT count(*) AS n FROM letter_templates WHERE id = $1 AND version = 1 AND retired_at IS NULL`, [
        warning.id,
      ]),
    ).toBe(1);
  });

  it('refuses an unknown merge field when a template is saved, naming it', async () => {
    const before = await count(`SELECT count(*) AS n FROM letter_templates`);
    const created = await portal.gql(
      CREATE,
      { input: { kind: 'WARNING_LETTER', name: 'Typo', body: 'Dear {{recipient.fullname}}, {{case.reference}}' } },
      manager.token,
    );
    expect(codeOf(created)).toBe('BAD_USER_INPUT');
    expect(created.errors![0].extensions!.field).toBe('body');
    expect(created.errors![0].message).toContain('{{recipient.fullname}}');
    const edited = await portal.gql(
      UPDATE,
      { id: warning.id, v: 1, input: { name: 'First warning', body: 'Hello {{case.secret}} there' } },
      manager.token,
    );
    expect(codeOf(edited)).toBe('BAD_USER_INPUT');
    expect(edited.errors![0].message).toContain('{{case.secret}}');
    expect(await count(`SELECT count(*) AS n FROM letter_templates`)).toBe(before);
  });

  it('another agency cannot read, edit, retire or use a template: NOT_FOUND, as one that does not exist', async () => {
    const read = await portal.ok<{ letterTemplate: unknown; letterTemplates: { id: string }[] }>(
      `query($id: ID!) { letterTemplate(id: $id) { id } letterTemplates(includeRetired: true) { id } }`,
      { id: warning.id },
      councilManager.token,
    );
    expect(read.letterTemplate).toBeNull();
    expect(read.letterTemplates.map((t) => t.id)).toEqual([councilWarning.id]);
    const edit = await portal.gql(
      UPDATE,
      { id: warning.id, v: 1, input: { name: 'Taken', body: 'Dear {{recipient.fullName}}, mine now.' } },
      councilManager.token,
    );
    expect(codeOf(edit)).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(RETIRE, { id: warning.id }, councilManager.token))).toBe('NOT_FOUND');
    const variables = { c: daCase.id, t: warning.id, p: partyOf(daCase, 'SUBJECT') };
    const preview = await portal.gql(PREVIEW, variables, councilWorker.token);
    expect(codeOf(preview)).toBe('NOT_FOUND');
    expect(preview.errors![0].extensions!.field).toBe('templateId');
    const evidenceBefore = await count(`SELECT count(*) AS n FROM evidence_files`);
    expect(codeOf(await portal.gql(PRODUCE, variables, councilWorker.token))).toBe('NOT_FOUND');
    expect(await count(`SELECT count(*) AS n FROM evidence_files`)).toBe(evidenceBefore);
  });

  it('producing a warning letter keeps a PDF as evidence, adds a WARNING_LETTER action, and puts both on the trail', async () => {
    const variables = { c: noiseCase.id, t: warning.id, p: partyOf(noiseCase, 'SUBJECT') };
    const { produceLetter } = await portal.ok<{
      produceLetter: {
        withheldFields: string[];
        missingFields: string[];
        recordedAs: string;
        recordId: string;
        templateVersion: number;
        evidence: { id: string; fileName: string; mediaType: string; downloadPath: string; description: string };
      };
    }>(PRODUCE, variables, caseworker.token);
    expect(produceLetter.withheldFields).toEqual([]);
    expect(produceLetter.missingFields).toEqual([]);
    expect(produceLetter.recordedAs).toBe('ACTION');
    expect(produceLetter.evidence.mediaType).toBe('application/pdf');
    expect(produceLetter.evidence.fileName).toMatch(/^Warning-letter-.*\.pdf$/);
    expect(produceLetter.evidence.fileName).not.toContain('Nia');
    expect(produceLetter.evidence.description).toContain('version 1');

    const { rows: evidence } = await portal.db.query(
      `SELECT case_id, media_type, uploaded_by_id FROM evidence_files WHERE id = $1`,
      [produceLetter.evidence.id],
    );
    expect(evidence).toEqual([{ case_id: noiseCase.id, media_type: 'application/pdf', uploaded_by_id: caseworker.id }]);
    const { rows: actions } = await portal.db.query(
      `SELECT case_id, kind, owner_agency_id, description FROM case_actions WHERE id = $1`,
      [produceLetter.recordId],
    );
    expect(actions[0]).toMatchObject({ case_id: noiseCase.id, kind: 'WARNING_LETTER', owner_agency_id: landlord });
    expect(actions[0].description).not.toContain('Nia');
    const { rows: trail } = await portal.db.query(
      `SELECT action, detail FROM audit_events WHERE case_id = $1 AND action IN ('LETTER_PRODUCED', 'EVIDENCE_ADDED', 'ACTION_ADDED') ORDER BY id`,
      [noiseCase.id],
    );
    expect(trail.map((e: { action: string }) => e.action)).toEqual([
      'EVIDENCE_ADDED',
      'ACTION_ADDED',
      'LETTER_PRODUCED',
    ]);
    expect(trail[2].detail).toMatchObject({
      template: { id: warning.id, version: 1, kind: 'WARNING_LETTER' },
      evidenceFileId: produceLetter.evidence.id,
      recordedAs: 'ACTION',
      withheldFields: [],
    });

    const text = pdfText(await download(produceLetter.evidence.downloadPath, caseworker));
    for (const merged of [
      'Nia Neighbour',
      '12 Other Street, Leeds',
      noiseCase.reference,
      'Noise',
      'Kingsmead',
      '14 March 2026',
      'Letter Homes',
      'caseworker',
    ]) {
      expect(text).toContain(merged);
    }
    expect(text).not.toContain('{{');
  });

  it('a closure letter to the reporter by the owner is recorded as a contact by letter', async () => {
    const closure = (
      await portal.ok<{ createLetterTemplate: { id: string } }>(
        CREATE,
        { input: { kind: 'CLOSURE_LETTER', name: 'Closure', body: 'Dear {{recipient.fullName}}, we closed it.' } },
        manager.token,
      )
    ).createLetterTemplate;
    const { produceLetter } = await portal.ok<{ produceLetter: { recordedAs: string; recordId: string } }>(
      PRODUCE,
      { c: noiseCase.id, t: closure.id, p: partyOf(noiseCase, 'COMPLAINANT') },
      caseworker.token,
    );
    expect(produceLetter.recordedAs).toBe('CONTACT');
    const { rows } = await portal.db.query(`SELECT case_id, channel FROM contacts WHERE id = $1`, [
      produceLetter.recordId,
    ]);
    expect(rows).toEqual([{ case_id: noiseCase.id, channel: 'LETTER' }]);
  });

  it('a LIMITED partner’s preview leaves the name and address empty and names them; producing is refused and writes nothing', async () => {
    const variables = { c: noiseCase.id, t: councilWarning.id, p: partyOf(noiseCase, 'SUBJECT') };
    const { previewLetter } = await portal.ok<{
      previewLetter: { text: string; withheldFields: string[]; templateVersion: number };
    }>(PREVIEW, variables, councilWorker.token);
    expect(previewLetter.withheldFields.sort()).toEqual(['recipient.address', 'recipient.fullName']);
    expect(previewLetter.text).not.toContain('Nia');
    expect(previewLetter.text).not.toContain('Other Street');
    expect(previewLetter.text).toContain(noiseCase.reference);

    const before = {
      evidence: await count(`SELECT count(*) AS n FROM evidence_files`),
      actions: await count(`SELECT count(*) AS n FROM case_actions`),
      trail: await count(`SELECT count(*) AS n FROM audit_events WHERE action <> 'CASE_VIEWED'`),
      stored: stored(),
    };
    const produced = await portal.gql(PRODUCE, variables, councilWorker.token);
    expect(codeOf(produced)).toBe('FORBIDDEN');
    expect({
      evidence: await count(`SELECT count(*) AS n FROM evidence_files`),
      actions: await count(`SELECT count(*) AS n FROM case_actions`),
      trail: await count(`SELECT count(*) AS n FROM audit_events WHERE action <> 'CASE_VIEWED'`),
      stored: stored(),
    }).toEqual(before);
  });

  it('a partner with a FULL share of a domestic-abuse case produces a letter with the victim’s address withheld and named', async () => {
    const { produceLetter } = await portal.ok<{
      produceLetter: { withheldFields: string[]; evidence: { downloadPath: string } };
    }>(PRODUCE, { c: daCase.id, t: councilWarning.id, p: partyOf(daCase, 'VICTIM') }, councilWorker.token);
    expect(produceLetter.withheldFields).toEqual(['recipient.address']);
    const text = pdfText(await download(produceLetter.evidence.downloadPath, councilWorker));
    expect(text).toContain('Vera Victim');
    expect(text).not.toContain('Refuge Row');
    expect(text).toContain('Letter Council');
  });

  it('an anonymous party’s name is the owner’s alone: a FULL partner’s letter leaves it empty and names it', async () => {
    const { addParty } = await portal.ok<{ addParty: { id: string } }>(
      `mutation($c: ID!, $p: PartyInput!) { addParty(caseId: $c, input: $p) { id } }`,
      { c: daCase.id, p: { role: 'WITNESS', fullName: 'Wyn Witness', address: '2 Quiet Lane', anonymous: true } },
      caseworker.token,
    );
    const { previewLetter } = await portal.ok<{ previewLetter: { text: string; withheldFields: string[] } }>(
      PREVIEW,
      { c: daCase.id, t: councilWarning.id, p: addParty.id },
      councilWorker.token,
    );
    expect(previewLetter.withheldFields.sort()).toEqual(['recipient.address', 'recipient.fullName']);
    expect(previewLetter.text).not.toContain('Wyn');
    const owner = await portal.ok<{ previewLetter: { text: string; withheldFields: string[] } }>(
      PREVIEW,
      { c: daCase.id, t: warning.id, p: addParty.id },
      caseworker.token,
    );
    expect(owner.previewLetter.withheldFields).toEqual([]);
    expect(owner.previewLetter.text).toContain('Wyn Witness');
  });

  it('a production that fails after the PDF was kept leaves no row, no trail and no bytes', async () => {
    const actions = portal.app.get(ActionsService);
    const failing = jest.spyOn(actions, 'add').mockRejectedValueOnce(new Error('the action could not be written'));
    const before = {
      evidence: await count(`SELECT count(*) AS n FROM evidence_files`),
      trail: await count(`SELECT count(*) AS n FROM audit_events WHERE action <> 'CASE_VIEWED'`),
      stored: stored(),
    };
    try {
      const result = await portal.gql(
        PRODUCE,
        { c: noiseCase.id, t: warning.id, p: partyOf(noiseCase, 'SUBJECT') },
        caseworker.token,
      );
      expect(codeOf(result)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(result.errors)).not.toContain('the action could not be written');
    } finally {
      failing.mockRestore();
    }
    expect({
      evidence: await count(`SELECT count(*) AS n FROM evidence_files`),
      trail: await count(`SELECT count(*) AS n FROM audit_events WHERE action <> 'CASE_VIEWED'`),
      stored: stored(),
    }).toEqual(before);
    expect(readdirSync(join(dataDir, 'evidence', 'incoming'))).toEqual([]);
  });

  it('a preview is recorded on the case’s trail as a view of the identifiers it showed', async () => {
    await portal.ok(PREVIEW, { c: daCase.id, t: warning.id, p: partyOf(daCase, 'VICTIM') }, caseworker.token);
    const { rows } = await portal.db.query(
      `SELECT detail FROM audit_events WHERE case_id = $1 AND action = 'CASE_VIEWED' AND actor_id = $2 ORDER BY id DESC LIMIT 1`,
      [daCase.id, caseworker.id],
    );
    expect(rows[0].detail.fields).toEqual(['party.address', 'party.fullName']);
  });

  it('an edit is a new version; a stale version is a CONFLICT; a retired template makes no letters', async () => {
    const edited = await portal.ok<{ updateLetterTemplate: { version: number } }>(
      UPDATE,
      { id: warning.id, v: 1, input: { name: 'First warning', body: `${WARNING_BODY}\nSecond edition.` } },
      manager.token,
    );
    expect(edited.updateLetterTemplate.version).toBe(2);
    const stale = await portal.gql(
      UPDATE,
      { id: warning.id, v: 1, input: { name: 'First warning', body: WARNING_BODY } },
      manager.token,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    const { rows } = await portal.db.query(
      `SELECT version, body FROM letter_template_versions WHERE template_id = $1 ORDER BY version`,
      [warning.id],
    );
    expect(rows.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    expect(rows[0].body).toBe(WARNING_BODY);

    await portal.ok(RETIRE, { id: warning.id }, manager.token);
    const refused = await portal.gql(
      PRODUCE,
      { c: noiseCase.id, t: warning.id, p: partyOf(noiseCase, 'SUBJECT') },
      caseworker.token,
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.field).toBe('templateId');
  });
});
