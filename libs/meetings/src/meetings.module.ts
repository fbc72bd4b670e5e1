import { Module, type OnModuleInit } from '@nestjs/common';
import { ActionsModule, AgendaItemMeetings } from '#libs/actions';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { DashModule } from '#libs/dash';
import { DownloadsModule } from '#libs/downloads';
import { LiveModule } from '#libs/live';
import { UsersModule } from '#libs/users';
import { AgendaService } from './agenda.service.js';
import { MeetingChanges } from './meeting-changes.js';
import { MeetingFeed } from './meeting-feed.js';
import { MeetingPackController } from './meeting-pack.controller.js';
import { MeetingReadingService } from './meeting-reading.service.js';
import { MeetingRunningService } from './meeting-running.service.js';
import {
  AgendaItemsResolver,
  CaseActionMeetingResolver,
  CaseMeetingReferralResolver,
  CaseMeetingReferralsResolver,
  MeetingsResolver,
} from './meetings.resolver.js';
import { MeetingsRepository } from './meetings.repository.js';

@Module({
  imports: [CasesModule, DashModule, AgenciesModule, UsersModule, ActionsModule, LiveModule, DownloadsModule],
  controllers: [MeetingPackController],
  providers: [
    MeetingsRepository,
    MeetingChanges,
    MeetingReadingService,
    AgendaService,
    MeetingRunningService,
    MeetingFeed,
    MeetingsResolver,
    AgendaItemsResolver,
    CaseMeetingReferralsResolver,
    CaseMeetingReferralResolver,
    CaseActionMeetingResolver,
  ],
  exports: [MeetingsRepository, MeetingReadingService, AgendaService, MeetingRunningService],
})
export class MeetingsModule implements OnModuleInit {
  constructor(private readonly agendaItemMeetings: AgendaItemMeetings) {}

  /** An overdue action names its meeting: actions asks for it in SQL that only this library may write. */
  onModuleInit(): void {
    this.agendaItemMeetings.lend(MeetingsRepository.meetingOfAgendaItemSql);
  }
}
