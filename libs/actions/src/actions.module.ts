import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { UsersModule } from '#libs/users';
import { ActionsRepository } from './actions.repository.js';
import { ActionsResolver, CaseActionsResolver } from './actions.resolver.js';
import { ActionsService } from './actions.service.js';
import { AgendaItemMeetings, OverdueActions } from './overdue-actions.js';

@Module({
  imports: [CasesModule, AgenciesModule, UsersModule],
  providers: [
    ActionsService,
    ActionsResolver,
    CaseActionsResolver,
    ActionsRepository,
    AgendaItemMeetings,
    OverdueActions,
  ],
  exports: [ActionsRepository, AgendaItemMeetings, ActionsService],
})
export class ActionsModule {}
