import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { UsersModule } from '#libs/users';
import { ActionsResolver, CaseActionsResolver } from './actions.resolver.js';
import { ActionsRepository } from './actions.repository.js';
import { ActionsService } from './actions.service.js';

@Module({ imports: [CasesModule, AgenciesModule, UsersModule], providers: [ActionsRepository, ActionsService, ActionsResolver, CaseActionsResolver], exports: [ActionsRepository] })
export class ActionsModule {}
