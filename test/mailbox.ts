import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as a real SMTP server received it: the envelope, the subject, and the text decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** Nodemailer writes long lines as quoted-printable: undone here, so a test reads the link as the recipient would. */
function decode(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  let body = raw.slice(split + 4);
  if (/^content-transfer-encoding:\s*quoted-printable/im.test(head)) {
    body = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }
  return { subject: /^subject:\s*(.*)$/im.exec(head)?.[1] ?? '', text: body.replace(/\r\n/g, '\n') };
}

/**
 * A real SMTP server on a free port of this machine, keeping what arrives. `refuse` makes it turn messages down
 * (a server that is up but refusing, as during an outage), so a test can watch the outbox retry.
 */
export class Mailbox {
  readonly received: ReceivedMail[] = [];
  refuse = false;

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<Mailbox> {
    let mailbox: Mailbox | undefined = undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address, _session, callback) =>
        callback(mailbox!.refuse ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 451 }) : null),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('latin1');
          mailbox!.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            ...decode(raw),
          });
          callback();
        });
      },
    });
    mailbox = new Mailbox(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return mailbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** The messages to `address`, once `count` of them have arrived (waiting up to `ms`). */
  async waitFor(address: string, count = 1, ms = 10_000): Promise<ReceivedMail[]> {
    const until = Date.now() + ms;
    for (;;) {
      const mine = this.received.filter((m) => m.to.includes(address));
      if (mine.length >= count) return mine;
      if (Date.now() > until) throw new Error(`${count} mail(s) to ${address} did not arrive within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
