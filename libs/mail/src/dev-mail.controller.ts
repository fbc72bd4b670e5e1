import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { mailDirectory } from './mail-transport.js';
import { isLoopbackOnly, type MailFile, parseMailFile, renderMailPage } from './dev-mail.page.js';

/** The newest messages shown; older ones stay in the folder. */
const SHOWN = 50;

/**
 * GET /dev/mail: the mail written to `DATA_DIR/mail` when no SMTP_URL is set, newest first, so `npm start` shows
 * an invitation or a reset from end to end. It holds working sign-in links, so it answers only outside production,
 * only with no SMTP server configured, and only to this machine itself (not through a proxy); to anything else it
 * does not exist.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.config.mail.devPage || !isLoopbackOnly(req.socket.remoteAddress, req.headers)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const dir = mailDirectory(this.config);
    const names = (await readdir(dir).catch(() => [] as string[]))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .reverse()
      .slice(0, SHOWN);
    const messages: MailFile[] = [];
    for (const name of names) messages.push(parseMailFile(await readFile(join(dir, name), 'utf8')));
    res.status(200).set('Cache-Control', 'no-store').type('html').send(renderMailPage(messages, dir));
  }
}
