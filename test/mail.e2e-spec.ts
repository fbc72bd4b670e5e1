import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { MailOutbox, MailSender } from '#libs/mail';
import { TestPortal } from './harness.js';
import { Mailbox } from './mailbox.js';

const dataSourceOf = (portal: TestPortal) => portal.app.get<DataSource>(getDataSourceToken());
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mail through a real SMTP server, from the transactional outbox (issue 16, item 6)', () => {
  let mailbox: Mailbox;
  let portal: TestPortal;
  let second: TestPortal;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    const env = { SMTP_URL: mailbox.url, MAIL_FROM: 'ASB partnership <portal@partnership.test>' };
    portal = await TestPortal.start(env);
    // A second server on the same database, as behind a load balancer: both senders wake for every message.
    second = await portal.another(env);
  });

  afterAll(async () => {
    await second?.close();
    await portal?.close();
    await mailbox?.close();
  });

  it('sends a message queued in a transaction that commits, from MAIL_FROM, once it commits', async () => {
    await dataSourceOf(portal).transaction((db) =>
      MailOutbox.enqueue(db, { to: 'officer@police.test', subject: 'Committed', text: 'Hello from the outbox' }),
    );
    const [mail] = await mailbox.waitFor('officer@police.test');
    expect(mail).toMatchObject({ from: 'portal@partnership.test', subject: 'Committed' });
    expect(mail.text).toContain('Hello from the outbox');
    // The server has it; the sender marks it sent once its batch is answered.
    const row = () =>
      portal.db.query(`SELECT sent_at, attempts, last_error, subject, text FROM mail_outbox WHERE "to" = $1`, [
        'officer@police.test',
      ]);
    for (let i = 0; i < 50 && (await row()).rows[0]?.sent_at === null; i++) await new Promise((r) => setTimeout(r, 50));
    const { rows } = await row();
    // Kept as a record of what went to whom, without its text (which may hold a working link).
    expect(rows).toEqual([
      { sent_at: expect.any(Date), attempts: 1, last_error: null, subject: 'Committed', text: '' },
    ]);
  });

  it('sends nothing for a transaction that rolls back, and keeps no row of it', async () => {
    await expect(
      dataSourceOf(portal).transaction(async (db) => {
        await MailOutbox.enqueue(db, { to: 'rolled-back@police.test', subject: 'Never', text: 'Never sent' });
        throw new Error('the mutation failed after queueing its mail');
      }),
    ).rejects.toThrow('the mutation failed');
    // A later message goes through both senders: the rolled-back one would have gone before it.
    await dataSourceOf(portal).transaction((db) =>
      MailOutbox.enqueue(db, { to: 'after@police.test', subject: 'After', text: 'After the rollback' }),
    );
    await mailbox.waitFor('after@police.test');
    await settle(200);
    expect(mailbox.received.filter((m) => m.to.includes('rolled-back@police.test'))).toEqual([]);
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE "to" = $1`, [
      'rolled-back@police.test',
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('sends each message exactly once while two instances race for them', async () => {
    const subjects = Array.from({ length: 30 }, (_, i) => `Race ${i}`);
    await dataSourceOf(portal).transaction(async (db) => {
      for (const subject of subjects) await MailOutbox.enqueue(db, { to: 'race@police.test', subject, text: subject });
    });
    // Both woken by the commit's NOTIFY, and pushed again here, at once.
    await Promise.all([portal.app.get(MailSender).drain(), second.app.get(MailSender).drain()]);
    await mailbox.waitFor('race@police.test', subjects.length);
    await Promise.all([portal.app.get(MailSender).drain(), second.app.get(MailSender).drain()]);
    await settle(300);
    const arrived = mailbox.received.filter((m) => m.to.includes('race@police.test')).map((m) => m.subject);
    expect(arrived.sort()).toEqual([...subjects].sort());
  });

  it('keeps a message the server refused, backs off, and sends it when the server takes it again', async () => {
    mailbox.refuse = true;
    try {
      await dataSourceOf(portal).transaction((db) =>
        MailOutbox.enqueue(db, { to: 'outage@police.test', subject: 'During the outage', text: 'Retried' }),
      );
      let row: { attempts: number; last_error: string | null; wait: number; sent_at: Date | null } | undefined;
      for (let i = 0; i < 200 && !row?.last_error; i++) {
        await settle(20);
        ({
          rows: [row],
        } = await portal.db.query(
          `SELECT attempts, last_error, sent_at, extract(epoch FROM next_attempt_at - now())::float8 AS wait
             FROM mail_outbox WHERE "to" = 'outage@police.test'`,
        ));
      }
      expect(row).toMatchObject({ attempts: 1, sent_at: null, last_error: expect.stringContaining('451') });
      expect(row!.wait).toBeGreaterThan(30);
      // Not due yet: a wake-up does not send it early.
      await portal.app.get(MailSender).drain();
      expect(mailbox.received.filter((m) => m.to.includes('outage@police.test'))).toEqual([]);
    } finally {
      mailbox.refuse = false;
    }
    await portal.db.query(`UPDATE mail_outbox SET next_attempt_at = now() WHERE "to" = 'outage@police.test'`);
    await portal.app.get(MailSender).drain();
    const [mail] = await mailbox.waitFor('outage@police.test');
    expect(mail.subject).toBe('During the outage');
    const { rows } = await portal.db.query(`SELECT attempts, sent_at FROM mail_outbox WHERE "to" = $1`, [
      'outage@police.test',
    ]);
    expect(rows).toEqual([{ attempts: 2, sent_at: expect.any(Date) }]);
  });

  it('refuses a subject or address that would add a header (a Bcc smuggled in), storing nothing', async () => {
    await expect(
      dataSourceOf(portal).transaction((db) =>
        MailOutbox.enqueue(db, { to: 'x@police.test', subject: 'Hi\r\nBcc: thief@example.org', text: 'x' }),
      ),
    ).rejects.toThrow('one line');
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE "to" = 'x@police.test'`);
    expect(rows[0].n).toBe(0);
  });

  it('does not serve the development mail page when SMTP is configured', async () => {
    const res = await request(portal.app.getHttpServer()).get('/dev/mail');
    expect(res.status).toBe(404);
  });
});

describe('mail with no SMTP_URL: written to DATA_DIR/mail and listed at /dev/mail (issue 16, item 6)', () => {
  let portal: TestPortal;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portal-mail-'));
    portal = await TestPortal.start({ DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await portal?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes each message to a file and lists it, newest first, to this machine only', async () => {
    await dataSourceOf(portal).transaction((db) =>
      MailOutbox.enqueue(db, {
        to: 'officer@police.test',
        subject: 'Set your password',
        text: 'Open http://localhost:3000/invitation#token=abc to set it.',
      }),
    );
    let files: string[] = [];
    for (let i = 0; i < 200 && files.length === 0; i++) {
      await settle(20);
      files = await readdir(join(dataDir, 'mail')).catch(() => []);
    }
    expect(files).toHaveLength(1);
    const content = await readFile(join(dataDir, 'mail', files[0]), 'utf8');
    expect(content).toContain('To: officer@police.test');
    expect(content).toContain('Subject: Set your password');

    const page = await request(portal.app.getHttpServer()).get('/dev/mail');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Set your password');
    expect(page.text).toContain('<a href="http://localhost:3000/invitation#token=abc">');

    const forwarded = await request(portal.app.getHttpServer()).get('/dev/mail').set('X-Forwarded-For', '203.0.113.9');
    expect(forwarded.status).toBe(404);
  });
});
