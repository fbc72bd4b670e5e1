import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { DashModule } from '#libs/dash';
import { DownloadsModule } from '#libs/downloads';
import { LiveModule } from '#libs/live';
import { UsersModule } from '#libs/users';
import { AgendaItemsResolver, CaseMeetingReferralResolver, CaseMeetingReferralsResolver, MeetingsResolver } from './meetings.resolver.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingFeed } from './meeting-feed.js';
import { MeetingPackController } from './meeting-pack.controller.js';

@Module({
  imports: [CasesModule, DashModule, AgenciesModule, UsersModule, LiveModule, DownloadsModule],
  controllers: [MeetingPackController],
  providers: [MeetingsRepository, MeetingsService, MeetingFeed, MeetingsResolver, AgendaItemsResolver, CaseMeetingReferralsResolver, CaseMeetingReferralResolver],
  exports: [MeetingsService, MeetingsRepository],
})
export class MeetingsModule {}
