import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';
import * as samples from './evidence-samples.js';
import { type FakeS3, startFakeS3 } from './fake-s3.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdfText = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/gi)]
    .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
    .join('');
const LIMIT = 64 * 1024;

interface Sample {
  name: string;
  bytes: Buffer;
  declared: string;
  expected: string;
}

/** Everything held for evidence: the rows, and the files in the store and in the incoming folder. */
function heldOnDisk(dataDir: string): { stored: string[]; incoming: string[] } {
  const files = join(dataDir, 'evidence', 'files');
  const incomingDir = join(dataDir, 'evidence', 'incoming');
  const stored = existsSync(files) ? readdirSync(files).flatMap((fan) => readdirSync(join(files, fan))) : [];
  return { stored, incoming: existsSync(incomingDir) ? readdirSync(incomingDir) : [] };
}

/** Upload and download over HTTP, as a partner's system or the web app does. */
function evidenceClient(portal: () => TestPortal) {
  return {
    async upload(
      persona: Persona | null,
      caseId: string,
      file: { name: string; bytes: Buffer; declared?: string },
      query: Record<string, string> = {},
    ) {
      const form = new FormData();
      form.append('file', new Blob([file.bytes], { type: file.declared ?? 'application/octet-stream' }), file.name);
      const search = new URLSearchParams(query).toString();
      const res = await fetch(`${portal().url}/evidence/cases/${caseId}${search ? `?${search}` : ''}`, {
        method: 'POST',
        body: form,
        headers: persona ? { authorization: `Bearer ${persona.token}` } : {},
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    },
    async download(persona: Persona | null, id: string) {
      const res = await fetch(`${portal().url}/evidence/${id}`, {
        headers: persona ? { authorization: `Bearer ${persona.token}` } : {},
      });
      return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
    },
  };
}

const CASE_EVIDENCE = `query($id: ID!) { case(id: $id) { redactedFields
  evidence { id fileName mediaType byteSize sha256 description incidentId uploadedAt downloadPath uploadedBy { displayName } uploadedByAgency { name } }
  incidents { id evidence { id fileName } } } }`;
const AUDIT_TRAIL = `query($c: ID!) { caseAuditTrail(caseId: $c, first: 100) { edges { node { action detail actor { displayName } } } } }`;

describe('evidence files on a case: kept whole and checked, with the case’s own access rules, every download audited', () => {
  let portal: TestPortal;
  let dataDir: string;
  let owner: Persona;
  let manager: Persona;
  let police: Persona;
  let council: Persona;
  let support: Persona;
  let stranger: Persona;
  let supportAgency: string;
  let caseId: string;
  let incidentId: string;
  let otherCaseIncident: string;
  const uploaded = new Map<string, { id: string; bytes: Buffer; name: string }>();
  const client = evidenceClient(() => portal);
  const count = async (sql: string, params: unknown[] = []) => Number((await portal.db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portal-evidence-'));
    portal = await TestPortal.start({ DATA_DIR: dataDir, EVIDENCE_MAX_BYTES: String(LIMIT) });
    const people = new Partnership(portal);
    const landlord = await people.agency('Evidence Homes', 'LANDLORD');
    const policeAgency = await people.agency('Evidence Police', 'POLICE');
    const councilAgency = await people.agency('Evidence Council', 'COUNCIL');
    supportAgency = await people.agency('Evidence Support', 'SUPPORT');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    police = await people.user(policeAgency, ['CASEWORKER'], 'police');
    council = await people.user(councilAgency, ['CASEWORKER'], 'council');
    support = await people.user(supportAgency, ['CASEWORKER'], 'support');
    stranger = await people.user(await people.agency('Evidence Strangers', 'OTHER'), ['CASEWORKER'], 'stranger');
    const create = async () =>
      (
        await portal.ok(
          `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
          {
            input: {
              category: 'NOISE',
              summary: 'Loud music most nights',
              ward: 'Riverside',
              riskLevel: 'MEDIUM',
              parties: [{ role: 'COMPLAINANT', fullName: 'Cal Complainant' }],
            },
          },
          owner.token,
        )
      ).createCase.id as string;
    const logIncident = async (c: string) =>
      (
        await portal.ok(
          `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-05-12T23:10:00Z", category: NOISE, description: "Music until 2am" }) { id } }`,
          { c },
          owner.token,
        )
      ).logIncident.id as string;
    caseId = await create();
    incidentId = await logIncident(caseId);
    otherCaseIncident = await logIncident(await create());
    const share = (agencyId: string, access: string) =>
      portal.ok(
        `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "ASB partnership agreement") { id } }`,
        { c: caseId, a: agencyId, x: access },
        owner.token,
      );
    await share(policeAgency, 'FULL');
    await share(councilAgency, 'LIMITED');
    await share(supportAgency, 'FULL');
  });

  afterAll(async () => {
    await portal.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps each accepted kind, typed by its bytes rather than its name, with the SHA-256 of what was sent', async () => {
    const kinds: Sample[] = [
      { name: 'door.jpg', bytes: samples.jpeg(), declared: 'image/jpeg', expected: 'image/jpeg' },
      { name: 'graffiti.png', bytes: samples.png(), declared: 'image/png', expected: 'image/png' },
      { name: 'IMG_0042.HEIC', bytes: samples.heic(), declared: 'image/heic', expected: 'image/heic' },
      { name: 'letter.pdf', bytes: await samples.pdf(), declared: 'application/pdf', expected: 'application/pdf' },
      { name: 'shouting.mp3', bytes: samples.mp3(), declared: 'audio/mpeg', expected: 'audio/mpeg' },
      { name: 'voice memo.m4a', bytes: samples.m4a(), declared: 'audio/x-m4a', expected: 'audio/mp4' },
      { name: 'music.wav', bytes: samples.wav(), declared: 'audio/wav', expected: 'audio/wav' },
      { name: 'bass.ogg', bytes: samples.ogg(), declared: 'audio/ogg', expected: 'audio/ogg' },
      {
        name: 'diary.txt',
        bytes: Buffer.from('Diary sheet\n12 May: music 23:10 – 02:00\n', 'utf8'),
        declared: 'text/plain',
        expected: 'text/plain',
      },
      {
        name: 'diary.csv',
        bytes: Buffer.from('date,from,to,what\n2026-05-12,23:10,02:00,Music\n', 'utf8'),
        declared: 'text/csv',
        expected: 'text/csv',
      },
      {
        name: 'diary.docx',
        bytes: samples.docx(),
        declared: 'application/octet-stream',
        expected: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      {
        name: 'diary.xlsx',
        bytes: samples.xlsx(),
        declared: 'application/octet-stream',
        expected: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      // A photo sent as a "PDF": what it is decides, not what it says.
      { name: 'scan.pdf', bytes: samples.png(), declared: 'application/pdf', expected: 'image/png' },
    ];
    for (const [i, kind] of kinds.entries()) {
      // The owner and a FULL partner both add evidence; one file goes with the incident.
      const by = i % 2 === 0 ? owner : police;
      const query: Record<string, string> = i === 0 ? { incidentId, description: 'The damaged door, 13 May' } : {};
      const { status, body } = await client.upload(by, caseId, kind, query);
      expect({ name: kind.name, status, mediaType: body.mediaType }).toEqual({
        name: kind.name,
        status: 201,
        mediaType: kind.expected,
      });
      // The photo sent as "scan.pdf" is named for what it is, so it opens as a photo.
      const keptName = kind.name === 'scan.pdf' ? 'scan.pdf.png' : kind.name;
      expect(body).toMatchObject({
        fileName: keptName,
        byteSize: kind.bytes.length,
        sha256: sha256(kind.bytes),
        downloadPath: `/evidence/${body.id}`,
      });
      uploaded.set(kind.name, { id: body.id, bytes: kind.bytes, name: keptName });

      const { rows } = await portal.db.query(`SELECT * FROM evidence_files WHERE id = $1`, [body.id]);
      expect(rows[0]).toMatchObject({
        case_id: caseId,
        file_name: keptName,
        media_type: kind.expected,
        byte_size: String(kind.bytes.length),
        sha256: sha256(kind.bytes),
        uploaded_by_id: by.id,
        uploaded_by_agency_id: by.agencyId,
      });
      expect(rows[0].storage_key).toMatch(/^[0-9a-f]{32}$/);
      // Kept by its random key, byte for byte, readable by the portal's user alone.
      const stored = join(dataDir, 'evidence', 'files', rows[0].storage_key.slice(0, 2), rows[0].storage_key);
      expect(readFileSync(stored).equals(kind.bytes)).toBe(true);
    }
    const first = (
      await portal.db.query(`SELECT incident_id, description FROM evidence_files WHERE id = $1`, [
        uploaded.get('door.jpg')!.id,
      ])
    ).rows[0];
    expect(first).toEqual({ incident_id: incidentId, description: 'The damaged door, 13 May' });
    expect(
      await count(`SELECT count(*) AS n FROM audit_events WHERE case_id = $1 AND action = 'EVIDENCE_ADDED'`, [caseId]),
    ).toBe(kinds.length);
    expect(
      await count(
        `SELECT count(*) AS n FROM alerts WHERE case_id = $1 AND kind = 'CASE_UPDATED' AND detail->>'evidence' = 'added'`,
        [caseId],
      ),
    ).toBe(kinds.length);
    expect(heldOnDisk(dataDir).incoming).toEqual([]);
  });

  it('makes a given file name safe to keep and to offer back', async () => {
    const { status, body } = await client.upload(owner, caseId, {
      name: '../../etc/\u202Efdp.exe<x>.txt',
      bytes: Buffer.from('Notes\n'),
      declared: 'text/plain',
    });
    expect(status).toBe(201);
    expect(body.fileName).toBe('fdp.exe_x_.txt');
    const { headers } = await client.download(owner, body.id);
    expect(headers.get('content-disposition')).toBe(
      `attachment; filename="fdp.exe_x_.txt"; filename*=UTF-8''fdp.exe_x_.txt`,
    );
    const unicode = await client.upload(owner, caseId, {
      name: 'Café diary.txt',
      bytes: Buffer.from('Notes\n'),
      declared: 'text/plain',
    });
    expect(unicode.body.fileName).toBe('Café diary.txt');
    expect((await client.download(owner, unicode.body.id)).headers.get('content-disposition')).toBe(
      `attachment; filename="Caf_ diary.txt"; filename*=UTF-8''Caf%C3%A9%20diary.txt`,
    );
  });

  it('hands back text sent as a program under a name that ends as text, in the list and in the download', async () => {
    const { status, body } = await client.upload(owner, caseId, {
      name: 'Diary-May.js',
      bytes: Buffer.from('alert("12 May: music until 2am")\n'),
      declared: 'text/javascript',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ fileName: 'Diary-May.js.txt', mediaType: 'text/plain' });
    const listed = (await portal.ok(CASE_EVIDENCE, { id: caseId }, police.token)).case.evidence.find(
      (e: { id: string }) => e.id === body.id,
    );
    expect(listed.fileName).toBe('Diary-May.js.txt');
    const { headers } = await client.download(police, body.id);
    expect(headers.get('content-disposition')).toBe(
      `attachment; filename="Diary-May.js.txt"; filename*=UTF-8''Diary-May.js.txt`,
    );
    expect(headers.get('content-type')).toBe('text/plain; charset=utf-8');
    // A name that already says what the bytes are is kept as given, whatever its letter case.
    const spelt = await client.upload(owner, caseId, {
      name: 'Photo.JPEG',
      bytes: samples.jpeg(),
      declared: 'image/jpeg',
    });
    expect(spelt.body.fileName).toBe('Photo.JPEG');
    const none = await client.upload(owner, caseId, {
      name: 'README',
      bytes: Buffer.from('Notes\n'),
      declared: 'text/plain',
    });
    expect(none.body.fileName).toBe('README.txt');
  });

  it('lists the files on the case and its incident for the owner and FULL partners, and withholds them from a LIMITED one', async () => {
    const own = (await portal.ok(CASE_EVIDENCE, { id: caseId }, owner.token)).case;
    expect(own.redactedFields).not.toContain('evidence');
    const door = own.evidence.find((e: { fileName: string }) => e.fileName === 'door.jpg');
    expect(door).toMatchObject({
      mediaType: 'image/jpeg',
      incidentId,
      description: 'The damaged door, 13 May',
      uploadedBy: { displayName: owner.email.split('@')[0].replace('-', ' ') },
      uploadedByAgency: { name: 'Evidence Homes' },
    });
    expect(own.evidence.find((e: { fileName: string }) => e.fileName === 'graffiti.png').uploadedByAgency).toEqual({
      name: 'Evidence Police',
    });
    expect(own.incidents[0].evidence).toEqual([{ id: door.id, fileName: 'door.jpg' }]);
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM evidence_files WHERE case_id = $1`, [
      caseId,
    ]);
    expect(own.evidence).toHaveLength(rows[0].n);

    const full = (await portal.ok(CASE_EVIDENCE, { id: caseId }, police.token)).case;
    expect(full.evidence).toHaveLength(rows[0].n);

    const limited = (await portal.ok(CASE_EVIDENCE, { id: caseId }, council.token)).case;
    expect(limited.evidence).toBeNull();
    expect(limited.redactedFields).toContain('evidence');
    expect(limited.incidents[0].evidence).toBeNull();
    expect((await portal.ok(CASE_EVIDENCE, { id: caseId }, stranger.token)).case).toBeNull();
  });

  it('downloads exactly the bytes received, as an attachment that is never cached or sniffed, and records each download', async () => {
    for (const { id, bytes, name } of uploaded.values()) {
      const { status, headers, bytes: got } = await client.download(police, id);
      expect(status).toBe(200);
      expect(sha256(got)).toBe(sha256(bytes));
      expect(got.equals(bytes)).toBe(true);
      expect(headers.get('content-disposition')).toContain(`attachment; filename="${name}"`);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('content-length')).toBe(String(bytes.length));
    }
    const door = uploaded.get('door.jpg')!;
    expect((await client.download(owner, door.id)).headers.get('content-type')).toBe('image/jpeg');
    expect((await client.download(owner, uploaded.get('diary.csv')!.id)).headers.get('content-type')).toBe(
      'text/csv; charset=utf-8',
    );
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'EVIDENCE_DOWNLOADED' AND actor_id = $2 AND detail->'file'->>'id' = $3`,
      [caseId, police.id, door.id],
    );
    expect(rows[0].n).toBe(1);
    const trail = (await portal.ok(AUDIT_TRAIL, { c: caseId }, manager.token)).caseAuditTrail.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(trail).toContainEqual({
      action: 'EVIDENCE_DOWNLOADED',
      detail: `Downloaded evidence: door.jpg (image/jpeg, ${door.bytes.length} bytes)`,
      actor: { displayName: expect.stringMatching(/^police/) },
    });
    expect(trail).toContainEqual({
      action: 'EVIDENCE_ADDED',
      detail: expect.stringMatching(/^Added evidence: diary\.xlsx \(application\/vnd\.openxmlformats/),
      actor: expect.anything(),
    });
  });

  it('refuses a file over the limit with 413, whether it says so up front or not, and keeps nothing of it', async () => {
    const before = { rows: await count(`SELECT count(*) AS n FROM evidence_files`), held: heldOnDisk(dataDir) };
    // Exactly at the limit is accepted.
    const atLimit = Buffer.concat([samples.png(), Buffer.alloc(LIMIT - samples.png().length)]);
    const accepted = await client.upload(owner, caseId, { name: 'at-limit.png', bytes: atLimit });
    expect(accepted.status).toBe(201);
    await portal.ok(
      `mutation($id: ID!) { removeEvidence(id: $id, reason: "Only testing the limit") }`,
      { id: accepted.body.id },
      owner.token,
    );

    const justOver = await client.upload(owner, caseId, {
      name: 'big.png',
      bytes: Buffer.concat([atLimit, Buffer.alloc(1)]),
    });
    expect(justOver).toEqual({
      status: 413,
      body: {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        field: 'file',
        message: 'The file is larger than the 64.0 KB evidence files may be',
      },
    });
    const farOver = await client.upload(owner, caseId, { name: 'huge.wav', bytes: Buffer.alloc(LIMIT * 4) });
    expect(farOver.status).toBe(413);
    expect(farOver.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count(`SELECT count(*) AS n FROM evidence_files`)).toBe(before.rows);
    expect(heldOnDisk(dataDir)).toEqual(before.held);
  });

  it('refuses with 415 what is not evidence, whatever it is called or declared, and keeps nothing of it', async () => {
    const before = { rows: await count(`SELECT count(*) AS n FROM evidence_files`), held: heldOnDisk(dataDir) };
    const refused = [
      { name: 'statement.pdf', bytes: samples.elf(), declared: 'application/pdf' },
      { name: 'photo.jpg', bytes: samples.exe(), declared: 'image/jpeg' },
      {
        name: 'diary.docx',
        bytes: samples.plainZip(),
        declared: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      { name: 'notes.txt', bytes: Buffer.from([0x66, 0x6f, 0xff, 0xfe, 0x00, 0x01]), declared: 'text/plain' },
      { name: 'notes.txt', bytes: Buffer.from('text with a NUL\u0000 inside'), declared: 'text/plain' },
    ];
    for (const file of refused) {
      const { status, body } = await client.upload(police, caseId, file);
      expect({ name: file.name, status, code: body.code, field: body.field }).toEqual({
        name: file.name,
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        field: 'file',
      });
    }
    expect((await client.upload(police, caseId, refused[0])).body.message).toContain('ELF');
    expect(await count(`SELECT count(*) AS n FROM evidence_files`)).toBe(before.rows);
    expect(heldOnDisk(dataDir)).toEqual(before.held);
    expect(
      await count(`SELECT count(*) AS n FROM audit_events WHERE action = 'EVIDENCE_ADDED' AND actor_id = $1`, [
        police.id,
      ]),
    ).toBe(6);
  });

  it('refuses those who may not add evidence, an incident of another case, and an empty or missing file, before keeping anything', async () => {
    const before = { rows: await count(`SELECT count(*) AS n FROM evidence_files`), held: heldOnDisk(dataDir) };
    const file = { name: 'photo.png', bytes: samples.png() };
    expect(await client.upload(null, caseId, file)).toMatchObject({ status: 401 });
    // A LIMITED partner holds the case but not its evidence.
    expect(await client.upload(council, caseId, file)).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        code: 'FORBIDDEN',
        field: 'evidence',
        message: 'You may not change evidence on this case',
      },
    });
    const missing = await client.upload(stranger, caseId, file);
    expect(missing).toEqual({
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND', field: 'caseId', message: 'Case not found' },
    });
    expect(await client.upload(owner, '00000000-0000-4000-8000-000000000000', file)).toEqual(missing);
    const admin = await portal.login('admin@partnership.test', 'Admin-password-123');
    expect((await client.upload({ ...owner, token: admin }, caseId, file)).status).toBe(404);
    expect(await client.upload(owner, caseId, file, { incidentId: otherCaseIncident })).toMatchObject({
      status: 400,
      body: { code: 'BAD_USER_INPUT', field: 'incidentId' },
    });
    expect(await client.upload(owner, caseId, file, { incidentId: 'not-an-id' })).toMatchObject({
      status: 400,
      body: { field: 'incidentId' },
    });
    expect(await client.upload(owner, caseId, file, { description: 'x'.repeat(2001) })).toMatchObject({
      status: 400,
      body: { field: 'description' },
    });
    expect(await client.upload(owner, caseId, { name: 'empty.txt', bytes: Buffer.alloc(0) })).toMatchObject({
      status: 400,
      body: { field: 'file', message: 'The file is empty' },
    });
    const noFile = await fetch(`${portal.url}/evidence/cases/${caseId}`, {
      method: 'POST',
      body: new FormData(),
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(noFile.status).toBe(400);
    const notMultipart = await fetch(`${portal.url}/evidence/cases/${caseId}`, {
      method: 'POST',
      body: samples.png(),
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'image/png' },
    });
    expect(notMultipart.status).toBe(400);
    expect(await count(`SELECT count(*) AS n FROM evidence_files`)).toBe(before.rows);
    expect(heldOnDisk(dataDir)).toEqual(before.held);
  });

  it('answers 404 alike for a file the caller may not read and one that does not exist', async () => {
    const door = uploaded.get('door.jpg')!;
    const unknown = await client.download(owner, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    for (const persona of [council, stranger]) {
      const refused = await client.download(persona, door.id);
      expect(refused.status).toBe(404);
      expect(refused.bytes.equals(unknown.bytes)).toBe(true);
    }
    expect((await client.download(owner, 'not-an-id')).bytes.equals(unknown.bytes)).toBe(true);
    expect((await client.download(null, door.id)).status).toBe(401);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_events WHERE action = 'EVIDENCE_DOWNLOADED' AND actor_id = ANY($1)`,
        [[council.id, stranger.id]],
      ),
    ).toBe(0);
  });

  it('takes the files away from a partner whose share is revoked', async () => {
    const mine = await client.upload(support, caseId, {
      name: 'support-notes.txt',
      bytes: Buffer.from('Visited on 14 May\n'),
    });
    expect(mine.status).toBe(201);
    expect((await client.download(support, mine.body.id)).status).toBe(200);
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`,
      { c: caseId, a: supportAgency },
      owner.token,
    );
    expect((await client.download(support, mine.body.id)).status).toBe(404);
    expect((await client.download(support, uploaded.get('door.jpg')!.id)).status).toBe(404);
    expect((await client.upload(support, caseId, { name: 'more.txt', bytes: Buffer.from('More\n') })).status).toBe(404);
    expect((await portal.ok(CASE_EVIDENCE, { id: caseId }, support.token)).case).toBeNull();
    // What they gave stays with the case.
    expect((await client.download(owner, mine.body.id)).status).toBe(200);
  });

  it('never sends a stored file that no longer matches its SHA-256 as if it were whole', async () => {
    const { id, bytes } = uploaded.get('music.wav')!;
    const { rows } = await portal.db.query(`SELECT storage_key FROM evidence_files WHERE id = $1`, [id]);
    const path = join(dataDir, 'evidence', 'files', rows[0].storage_key.slice(0, 2), rows[0].storage_key);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 1] ^= 0xff;
    writeFileSync(path, damaged);
    await expect(client.download(owner, id)).rejects.toThrow();
    writeFileSync(path, bytes);
    expect((await client.download(owner, id)).bytes.equals(bytes)).toBe(true);
  });

  it('lists the evidence in the case summary PDF for a reader who may read it, and says it is withheld from one who may not', async () => {
    const pdf = async (persona: Persona) =>
      pdfText(
        Buffer.from(
          await (
            await fetch(`${portal.url}/exports/cases/${caseId}.pdf`, {
              headers: { authorization: `Bearer ${persona.token}` },
            })
          ).arrayBuffer(),
        ),
      );
    const door = uploaded.get('door.jpg')!;
    const full = await pdf(police);
    expect(full).toContain('door.jpg');
    expect(full).toContain('image/jpeg');
    expect(full).toContain(sha256(door.bytes).slice(0, 16));
    expect(full).not.toContain('not held in the portal');
    const limited = await pdf(council);
    expect(limited).not.toContain('door.jpg');
    expect(limited).toContain('withheld: your access to this case does not include its evidence');
  });

  it('lets only the owner agency remove a file, with a reason: the bytes go, the trail keeps the reason', async () => {
    const { id } = uploaded.get('shouting.mp3')!;
    const REMOVE = `mutation($id: ID!, $reason: String!) { removeEvidence(id: $id, reason: $reason) }`;
    const { rows: before } = await portal.db.query(`SELECT storage_key, sha256 FROM evidence_files WHERE id = $1`, [
      id,
    ]);
    const stored = join(dataDir, 'evidence', 'files', before[0].storage_key.slice(0, 2), before[0].storage_key);

    const byPartner = await portal.gql(REMOVE, { id, reason: 'Duplicate recording' }, police.token);
    expect(codeOf(byPartner)).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(REMOVE, { id, reason: 'Duplicate recording' }, council.token))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(REMOVE, { id, reason: 'Duplicate recording' }, stranger.token))).toBe('NOT_FOUND');
    const noReason = await portal.gql(REMOVE, { id, reason: ' ' }, owner.token);
    expect(noReason.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(existsSync(stored)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM evidence_files WHERE id = $1`, [id])).toBe(1);

    expect((await portal.ok(REMOVE, { id, reason: 'Duplicate recording' }, owner.token)).removeEvidence).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM evidence_files WHERE id = $1`, [id])).toBe(0);
    expect(existsSync(stored)).toBe(false);
    expect((await client.download(owner, id)).status).toBe(404);
    expect(codeOf(await portal.gql(REMOVE, { id, reason: 'Again' }, owner.token))).toBe('NOT_FOUND');
    const { rows: event } = await portal.db.query(
      `SELECT detail FROM audit_events WHERE case_id = $1 AND action = 'EVIDENCE_REMOVED' AND detail->'file'->>'id' = $2`,
      [caseId, id],
    );
    expect(event[0].detail).toMatchObject({
      reason: 'Duplicate recording',
      file: { fileName: 'shouting.mp3', sha256: before[0].sha256 },
    });
    const trail = (await portal.ok(AUDIT_TRAIL, { c: caseId }, manager.token)).caseAuditTrail.edges.map(
      (e: { node: { detail: string } }) => e.node.detail,
    );
    expect(trail).toContain('Removed evidence: shouting.mp3 (audio/mpeg, 1.2 KB). Reason: Duplicate recording');
    expect(
      await count(`SELECT count(*) AS n FROM alerts WHERE case_id = $1 AND detail->>'evidence' = 'removed'`, [caseId]),
    ).toBe(2);
  });
});

describe('evidence in an S3-compatible bucket', () => {
  let portal: TestPortal;
  let s3: FakeS3;
  let dataDir: string;
  let owner: Persona;
  let council: Persona;
  let caseId: string;
  const client = evidenceClient(() => portal);

  beforeAll(async () => {
    s3 = await startFakeS3();
    dataDir = mkdtempSync(join(tmpdir(), 'portal-evidence-s3-'));
    portal = await TestPortal.start({
      DATA_DIR: dataDir,
      EVIDENCE_MAX_BYTES: String(LIMIT),
      EVIDENCE_S3_BUCKET: 'case-evidence',
      EVIDENCE_S3_ENDPOINT: s3.url,
      EVIDENCE_S3_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'PORTALTESTKEY',
      AWS_SECRET_ACCESS_KEY: 'portal-test-secret',
    });
    const people = new Partnership(portal);
    const landlord = await people.agency('Bucket Homes', 'LANDLORD');
    const councilAgency = await people.agency('Bucket Council', 'COUNCIL');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    council = await people.user(councilAgency, ['CASEWORKER'], 'council');
    caseId = (
      await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        { input: { category: 'NOISE', summary: 'Dog barking', ward: 'Northgate', riskLevel: 'STANDARD', parties: [] } },
        owner.token,
      )
    ).createCase.id;
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: LIMITED, reason: "Agreement") { id } }`,
      { c: caseId, a: councilAgency },
      owner.token,
    );
  });

  afterAll(async () => {
    await portal.close();
    await s3.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('puts each accepted file in the bucket by its random key, signed with the configured key, and reads it back whole', async () => {
    const bytes = await samples.pdf();
    const { status, body } = await client.upload(owner, caseId, { name: 'letter.pdf', bytes });
    expect(status).toBe(201);
    const { rows } = await portal.db.query(`SELECT storage_key FROM evidence_files WHERE id = $1`, [body.id]);
    const objectPath = `case-evidence/evidence/${rows[0].storage_key}`;
    expect([...s3.objects.keys()]).toEqual([objectPath]);
    expect(s3.objects.get(objectPath)!.body.equals(bytes)).toBe(true);
    expect(s3.objects.get(objectPath)!.contentType).toBe('application/pdf');
    const put = s3.requests.find((r) => r.method === 'PUT')!;
    expect(put.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=PORTALTESTKEY\/\d{8}\/eu-west-2\/s3\/aws4_request/);
    // Nothing lands on the portal's own disk.
    expect(existsSync(join(dataDir, 'evidence', 'files'))).toBe(false);
    expect(readdirSync(join(dataDir, 'evidence', 'incoming'))).toEqual([]);

    const download = await client.download(owner, body.id);
    expect(download.status).toBe(200);
    expect(sha256(download.bytes)).toBe(body.sha256);
    expect((await client.download(council, body.id)).status).toBe(404);

    // A damaged object is not passed off as whole.
    const original = s3.objects.get(objectPath)!;
    s3.objects.set(objectPath, { ...original, body: Buffer.concat([original.body.subarray(0, -1), Buffer.from('!')]) });
    await expect(client.download(owner, body.id)).rejects.toThrow();
    s3.objects.set(objectPath, original);
  });

  it('sends nothing to the bucket for a refused file', async () => {
    const requests = s3.requests.length;
    expect((await client.upload(owner, caseId, { name: 'invoice.pdf', bytes: samples.exe() })).status).toBe(415);
    expect((await client.upload(owner, caseId, { name: 'big.png', bytes: Buffer.alloc(LIMIT + 1) })).status).toBe(413);
    expect((await client.upload(council, caseId, { name: 'photo.png', bytes: samples.png() })).status).toBe(403);
    expect(s3.requests.length).toBe(requests);
    expect(s3.objects.size).toBe(1);
  });

  it('deletes the object when the owner removes the file', async () => {
    const { body } = await client.upload(owner, caseId, { name: 'photo.png', bytes: samples.png() });
    const { rows } = await portal.db.query(`SELECT storage_key FROM evidence_files WHERE id = $1`, [body.id]);
    expect(s3.objects.has(`case-evidence/evidence/${rows[0].storage_key}`)).toBe(true);
    await portal.ok(
      `mutation($id: ID!) { removeEvidence(id: $id, reason: "Wrong case") }`,
      { id: body.id },
      owner.token,
    );
    expect(s3.objects.has(`case-evidence/evidence/${rows[0].storage_key}`)).toBe(false);
    expect(s3.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `case-evidence/evidence/${rows[0].storage_key}`,
    });
    expect((await client.download(owner, body.id)).status).toBe(404);
  });
});
