import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { DashModule } from '#libs/dash';
import { UsersModule } from '#libs/users';
import { AgendaItemsResolver, MeetingsResolver } from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  imports: [CasesModule, DashModule, AgenciesModule, UsersModule],
  providers: [MeetingsService, MeetingsResolver, AgendaItemsResolver],
  exports: [MeetingsService],
})
export class MeetingsModule {}
