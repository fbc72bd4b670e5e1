import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppConfig } from '#libs/config';
import type { ClaimedMail } from './mail.repository.js';

/** Where a claimed message goes: an SMTP server, or (with no SMTP_URL) a file a developer can read. */
export abstract class MailTransport {
  abstract send(mail: ClaimedMail): Promise<void>;
  close(): void {}
}

/** Each send is bounded: a lease (MailSender) must outlast it, or another sender could claim the message again. */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

class SmtpTransport extends MailTransport {
  private readonly transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    // Pooled: a batch goes out over a few kept-open connections instead of one new connection per message.
    this.transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 5, ...SMTP_TIMEOUTS });
  }

  async send(mail: ClaimedMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: mail.headers ?? {},
    });
  }

  override close(): void {
    this.transporter.close();
  }
}

/** The embedded default: `DATA_DIR/mail/<id>.txt`, listed at /dev/mail outside production (dev-mail.controller.ts). */
class FileTransport extends MailTransport {
  constructor(
    readonly dir: string,
    private readonly from: string,
  ) {
    super();
  }

  async send(mail: ClaimedMail): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const extra = Object.entries(mail.headers ?? {}).map(([name, value]) => `${name}: ${value}\n`);
    const headers = `From: ${this.from}\nTo: ${mail.to}\nSubject: ${mail.subject}\nDate: ${new Date().toUTCString()}\n${extra.join('')}`;
    // Named by id, so a message sent again after a lost lease overwrites its own file rather than adding one.
    await writeFile(join(this.dir, `${mail.id.padStart(10, '0')}.txt`), `${headers}\n${mail.text}`, { mode: 0o600 });
  }
}

export const mailDirectory = (config: AppConfig): string => join(config.dataDir, 'mail');

export function mailTransportFor(config: AppConfig): MailTransport {
  return config.mail.smtpUrl
    ? new SmtpTransport(config.mail.smtpUrl, config.mail.from)
    : new FileTransport(mailDirectory(config), config.mail.from);
}
