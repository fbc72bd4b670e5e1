import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { LiveModule } from '#libs/live';
import { UsersModule } from '#libs/users';
import { AlertInboxFeed } from './alert-inbox-feed.js';
import { AlertInboxRepository } from './alert-inbox.repository.js';
import { AlertInboxResolver } from './alert-inbox.resolver.js';
import { AlertInboxService } from './alert-inbox.service.js';

@Module({
  imports: [CasesModule, LiveModule, UsersModule],
  providers: [AlertInboxRepository, AlertInboxService, AlertInboxFeed, AlertInboxResolver],
  exports: [AlertInboxService],
})
export class AlertInboxModule {}
