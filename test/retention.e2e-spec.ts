import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const REVIEW = `{ retentionReview { retentionYears closedBefore due { case { id reference } closedAt } held { case { id } legalHold { reason placedBy } } } }`;
const APPLY = `mutation($n: Int!) { applyRetention(expectedCount: $n) }`;
const HOLD = `mutation($c: ID!, $r: String!) { placeLegalHold(caseId: $c, reason: $r) { id legalHold { reason } } }`;
const RELEASE = `mutation($c: ID!, $r: String!) { releaseLegalHold(caseId: $c, reason: $r) { id legalHold { reason } } }`;

describe('retention: closed cases anonymised after the retention period, with a dry run and legal holds', () => {
  let portal: TestPortal;
  let manager: Persona;
  let caseworker: Persona;
  let otherManager: Persona;
  let police: string;
  const ids: Record<string, string> = {};

  /** A full case (parties, incident, contact, action, plan, DASH, evidence), closed at `closedAt`. */
  const closedCase = async (name: string, closedAt: string | null, owner = caseworker) => {
    const { createCase } = await portal.ok(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
      {
        input: {
          category: 'HARASSMENT',
          summary: `Threats from Mr ${name}`,
          ward: 'Northgate',
          riskLevel: 'MEDIUM',
          address: `1 ${name} Street`,
          parties: [
            {
              role: 'VICTIM',
              fullName: `Victim ${name}`,
              phone: '07700 900001',
              address: `1 ${name} Street`,
              dateOfBirth: '1970-01-01',
            },
            { role: 'SUBJECT', fullName: `Subject ${name}` },
          ],
        },
      },
      owner.token,
    );
    const id = createCase.id as string;
    await portal.ok(
      `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2019-01-02T20:00:00Z", category: HARASSMENT, description: "Shouted threats at the victim", location: "Outside 1 Main Street" }) { id } }`,
      { c: id },
      owner.token,
    );
    await portal.ok(
      `mutation($c: ID!, $at: DateTime!) { recordContact(caseId: $c, input: { contactedAt: $at, channel: PHONE, note: "Victim very frightened" }) { id } }`,
      { c: id, at: new Date().toISOString() },
      owner.token,
    );
    const form = new FormData();
    form.append('file', new Blob(['Diary: shouting again at 11pm\n'], { type: 'text/plain' }), 'diary.txt');
    const upload = await fetch(`${portal.url}/evidence/cases/${id}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(upload.status).toBe(201);
    if (closedAt) {
      await portal.ok(
        `mutation($id: ID!, $v: Int!) { closeCase(id: $id, expectedVersion: $v, input: { outcome: RESOLVED, reason: "Subject moved away from Main Street" }) { id } }`,
        { id, v: 1 },
        owner.token,
      );
      await portal.db.query(`UPDATE cases SET closed_at = $2 WHERE id = $1`, [id, closedAt]);
    }
    ids[name] = id;
    return id;
  };

  beforeAll(async () => {
    portal = await TestPortal.start({ RETENTION_YEARS: '6' });
    const people = new Partnership(portal);
    const landlord = await people.agency('Retention Homes', 'LANDLORD');
    police = await people.agency('Retention Police', 'POLICE');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    otherManager = await people.user(police, ['MANAGER'], 'police-manager');
    const sixYearsAgo = new Date();
    sixYearsAgo.setFullYear(sixYearsAgo.getFullYear() - 6);
    await closedCase('Old', '2019-03-01T10:00:00Z');
    await closedCase('Held', '2019-04-01T10:00:00Z');
    await closedCase('Recent', new Date(sixYearsAgo.getTime() + 86_400_000).toISOString());
    await closedCase('Open', null);
    await closedCase('Police', '2019-03-01T10:00:00Z', await people.user(police, ['CASEWORKER'], 'police-officer'));
  }, 90_000);

  afterAll(() => portal.close());

  it('places a legal hold (owner managers only), which the dry run lists as kept', async () => {
    expect(codeOf(await portal.gql(HOLD, { c: ids.Held, r: 'Possession proceedings' }, caseworker.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await portal.gql(HOLD, { c: ids.Held, r: 'Possession proceedings' }, otherManager.token))).toBe(
      'NOT_FOUND',
    );
    const placed = (await portal.ok(HOLD, { c: ids.Held, r: 'Possession proceedings' }, manager.token)).placeLegalHold;
    expect(placed.legalHold).toEqual({ reason: 'Possession proceedings' });
    expect(codeOf(await portal.gql(HOLD, { c: ids.Held, r: 'Again' }, manager.token))).toBe('CONFLICT');
    expect((await portal.db.query(`SELECT reason FROM legal_holds WHERE case_id = $1`, [ids.Held])).rows).toEqual([
      { reason: 'Possession proceedings' },
    ]);
  });

  it('dry run: lists what would go and what a hold keeps, and changes nothing', async () => {
    const before = (await portal.db.query(`SELECT id, summary, address, version FROM cases ORDER BY id`)).rows;
    const review = (await portal.ok(REVIEW, {}, manager.token)).retentionReview;
    expect(review.retentionYears).toBe(6);
    expect(review.due.map((c: { case: { id: string } }) => c.case.id)).toEqual([ids.Old]);
    expect(review.held).toEqual([
      { case: { id: ids.Held }, legalHold: { reason: 'Possession proceedings', placedBy: expect.any(String) } },
    ]);
    expect((await portal.db.query(`SELECT id, summary, address, version FROM cases ORDER BY id`)).rows).toEqual(before);
    expect(codeOf(await portal.gql(REVIEW, {}, caseworker.token))).toBe('FORBIDDEN');
    // The police manager's dry run has only the police's own case.
    expect(
      (await portal.ok(REVIEW, {}, otherManager.token)).retentionReview.due.map(
        (c: { case: { id: string } }) => c.case.id,
      ),
    ).toEqual([ids.Police]);
  });

  it('real run: refuses a count other than the dry run’s, then anonymises exactly the cases due', async () => {
    expect(codeOf(await portal.gql(APPLY, { n: 2 }, manager.token))).toBe('CONFLICT');
    // The right number, but not the cases reviewed.
    const wrong = await portal.gql(
      `mutation($ids: [ID!]) { applyRetention(expectedCount: 1, caseIds: $ids) }`,
      { ids: [ids.Recent] },
      manager.token,
    );
    expect(wrong.errors?.[0].extensions).toEqual({ code: 'CONFLICT', field: 'caseIds' });
    expect(
      (await portal.db.query(`SELECT anonymised_at FROM cases WHERE id = $1`, [ids.Old])).rows[0].anonymised_at,
    ).toBeNull();
    expect(codeOf(await portal.gql(APPLY, { n: 1 }, caseworker.token))).toBe('FORBIDDEN');

    const applied = await portal.ok(
      `mutation($ids: [ID!]) { applyRetention(expectedCount: 1, caseIds: $ids) }`,
      { ids: [ids.Old] },
      manager.token,
    );
    expect(applied.applyRetention).toBe(1);
    const seen = (
      await portal.ok(
        `query($id: ID!) { case(id: $id) { anonymisedAt summary parties { fullName } } }`,
        { id: ids.Old },
        manager.token,
      )
    ).case;
    expect(seen.anonymisedAt).not.toBeNull();
    expect(seen.parties).toEqual([{ fullName: null }, { fullName: null }]);

    const q = (sql: string, id = ids.Old) => portal.db.query(sql, [id]).then((r) => r.rows);
    const [kase] = await q(
      `SELECT summary, address, close_reason, category, ward, status, closed_at, anonymised_at FROM cases WHERE id = $1`,
    );
    expect(kase).toMatchObject({
      address: null,
      close_reason: null,
      category: 'HARASSMENT',
      ward: 'Northgate',
      status: 'CLOSED_RESOLVED',
    });
    expect(kase.summary).not.toContain('Old');
    expect(kase.anonymised_at).not.toBeNull();
    expect(
      await q(
        `SELECT role, full_name, phone, address, date_of_birth FROM parties WHERE case_id = $1 ORDER BY position`,
      ),
    ).toEqual([
      { role: 'VICTIM', full_name: null, phone: null, address: null, date_of_birth: null },
      { role: 'SUBJECT', full_name: null, phone: null, address: null, date_of_birth: null },
    ]);
    const [incident] = await q(`SELECT category, location, description FROM incidents WHERE case_id = $1`);
    expect(incident).toMatchObject({ category: 'HARASSMENT', location: null });
    expect(incident.description).not.toContain('threats');
    expect((await q(`SELECT note FROM contacts WHERE case_id = $1`))[0].note).not.toContain('frightened');
    expect(await q(`SELECT id FROM evidence_files WHERE case_id = $1`)).toEqual([]);
    // Nothing anywhere in the trail still names anyone; who did what and when stays, and the run is recorded.
    const trail = await q(
      `SELECT action, detail::text AS detail, actor_id FROM audit_events WHERE case_id = $1 ORDER BY id`,
    );
    expect(trail.map((e: { detail: string }) => e.detail).join(' ')).not.toMatch(
      /Old|Main Street|07700|frightened|Diary/,
    );
    expect(trail.at(-1)).toEqual({
      action: 'RETENTION_APPLIED',
      detail: '{"retentionYears": 6}',
      actor_id: manager.id,
    });
    expect(trail.filter((e: { action: string }) => e.action === 'CASE_CREATED')).toHaveLength(1);

    // The held, the recent, the open and the other agency's cases are untouched.
    for (const name of ['Held', 'Recent', 'Open', 'Police']) {
      const [whole] = await q(`SELECT summary, anonymised_at FROM cases WHERE id = $1`, ids[name]);
      expect(whole).toEqual({ summary: `Threats from Mr ${name}`, anonymised_at: null });
      expect(
        (await q(`SELECT full_name FROM parties WHERE case_id = $1 AND role = 'VICTIM'`, ids[name]))[0].full_name,
      ).toBe(`Victim ${name}`);
    }
    // A second run has nothing to do.
    expect((await portal.ok(REVIEW, {}, manager.token)).retentionReview.due).toEqual([]);
    expect((await portal.ok(APPLY, { n: 0 }, manager.token)).applyRetention).toBe(0);
  });

  it('keeps the audit trail append-only outside a retention run', async () => {
    await expect(
      portal.db.query(`UPDATE audit_events SET detail = '{"removed": "retention"}' WHERE case_id = $1`, [ids.Held]),
    ).rejects.toThrow(/append-only/);
    await expect(portal.db.query(`DELETE FROM audit_events WHERE case_id = $1`, [ids.Held])).rejects.toThrow(
      /append-only/,
    );
  });

  it('releasing the hold lets the next run anonymise the case', async () => {
    const released = (await portal.ok(RELEASE, { c: ids.Held, r: 'Proceedings concluded' }, manager.token))
      .releaseLegalHold;
    expect(released.legalHold).toBeNull();
    expect(codeOf(await portal.gql(RELEASE, { c: ids.Held, r: 'Again' }, manager.token))).toBe('CONFLICT');
    expect(
      (await portal.ok(REVIEW, {}, manager.token)).retentionReview.due.map((c: { case: { id: string } }) => c.case.id),
    ).toEqual([ids.Held]);
    expect((await portal.ok(APPLY, { n: 1 }, manager.token)).applyRetention).toBe(1);
    expect(
      (await portal.db.query(`SELECT full_name FROM parties WHERE case_id = $1`, [ids.Held])).rows.every(
        (p: { full_name: string | null }) => p.full_name === null,
      ),
    ).toBe(true);
  });

  it('anonymises declined reports once the period has passed since the decision, in the agency’s own next run', async () => {
    const SUBMIT = `mutation($input: IntakeReportInput!) { submitIntakeReport(input: $input) { id } }`;
    const DECLINE = `mutation($id: ID!) { declineIntakeReport(id: $id, reason: "Everyday household noise from Ms Caller's neighbour") { id } }`;
    const report = async (by: Persona, name: string) =>
      (
        await portal.ok(
          SUBMIT,
          {
            input: {
              channel: 'PHONE',
              category: 'NOISE',
              summary: `Music from ${name}'s flat`,
              ward: 'Northgate',
              address: `9 ${name} Road`,
              reporterName: `Reporter ${name}`,
              reporterPhone: '07700 900123',
              subjectName: `Subject ${name}`,
            },
          },
          by.token,
        )
      ).submitIntakeReport.id as string;
    const declined = async (by: Persona, name: string, decidedAt: string | null) => {
      const id = await report(by, name);
      await portal.ok(DECLINE, { id }, by.token);
      // Decided long ago; received even earlier, as a report is.
      if (decidedAt)
        await portal.db.query(
          `UPDATE intake_reports SET decided_at = $2, received_at = $2::timestamptz - interval '1 day' WHERE id = $1`,
          [id, decidedAt],
        );
      return id;
    };
    const old = await declined(caseworker, 'Oldreport', '2019-02-01T10:00:00Z');
    const recent = await declined(caseworker, 'Recentreport', null);
    const policeOld = await declined(otherManager, 'Policereport', '2019-02-01T10:00:00Z');
    // Received long ago but never decided: still waiting in triage, so nothing to anonymise.
    const waiting = await report(caseworker, 'Waitingreport');
    await portal.db.query(`UPDATE intake_reports SET received_at = '2019-01-01T10:00:00Z' WHERE id = $1`, [waiting]);

    const review = (
      await portal.ok(`{ retentionReview { due { case { id } } declinedReportsDue } }`, {}, manager.token)
    ).retentionReview;
    expect(review).toEqual({ due: [], declinedReportsDue: 1 });
    expect((await portal.ok(APPLY, { n: 0 }, manager.token)).applyRetention).toBe(0);

    const row = async (id: string) =>
      (
        await portal.db.query(
          `SELECT status, summary, address, reporter_name, reporter_phone, subject_name, decline_reason, category, ward FROM intake_reports WHERE id = $1`,
          [id],
        )
      ).rows[0];
    const gone = await row(old);
    expect(gone).toMatchObject({
      status: 'DECLINED',
      address: null,
      reporter_name: null,
      reporter_phone: null,
      subject_name: null,
      decline_reason: null,
      category: 'NOISE',
      ward: 'Northgate',
    });
    expect(gone.summary).not.toContain('Oldreport');
    for (const [id, name] of [
      [recent, 'Recentreport'],
      [policeOld, 'Policereport'],
      [waiting, 'Waitingreport'],
    ]) {
      expect(await row(id)).toMatchObject({
        summary: `Music from ${name}'s flat`,
        reporter_name: `Reporter ${name}`,
        subject_name: `Subject ${name}`,
      });
    }
    expect(
      (await portal.ok(`{ retentionReview { declinedReportsDue } }`, {}, manager.token)).retentionReview
        .declinedReportsDue,
    ).toBe(0);
    // The police's own manager anonymises the police's.
    expect(
      (await portal.ok(`{ retentionReview { declinedReportsDue } }`, {}, otherManager.token)).retentionReview
        .declinedReportsDue,
    ).toBe(1);
  });
});
