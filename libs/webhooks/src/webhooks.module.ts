import { Module } from '@nestjs/common';
import { AdministrationModule } from '#libs/administration';
import { AgenciesModule } from '#libs/agencies';
import { AlertsModule } from '#libs/alerts';
import { AuthModule } from '#libs/auth';
import { CasesModule } from '#libs/cases';
import { MeetingsModule } from '#libs/meetings';
import { WebhookSender } from './webhook-sender.service.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksResolver } from './webhooks.resolver.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  imports: [AdministrationModule, AgenciesModule, AlertsModule, AuthModule, CasesModule, MeetingsModule],
  providers: [WebhooksRepository, WebhooksService, WebhookSender, WebhooksResolver],
  exports: [WebhookSender],
})
export class WebhooksModule {}
