import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NotificationsService } from './notifications.service.js';
import { confirmPage, donePage, refusedPage } from './unsubscribe.page.js';

/**
 * The unsubscribe link in every notification: GET shows what it turns off and asks; POST turns it off (the button,
 * and mail clients' RFC 8058 one-click POST with `List-Unsubscribe=One-Click`). The token is the whole authority: a
 * kind for a user, signed, so it reaches nothing else. Outside GraphQL, so the policy guard does not apply.
 */
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get(':token')
  async confirm(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const named = await this.notifications.readToken(token);
    res.set('Cache-Control', 'no-store');
    if (!named) {
      res.status(404).type('html').send(refusedPage());
      return;
    }
    res
      .status(200)
      .type('html')
      .send(confirmPage(named.kind, req.originalUrl.split('?')[0]));
  }

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const done = await this.notifications.unsubscribe(token);
    res.set('Cache-Control', 'no-store');
    if (!done) {
      res.status(404).type('html').send(refusedPage());
      return;
    }
    res.status(200).type('html').send(donePage(done.kind));
  }
}
