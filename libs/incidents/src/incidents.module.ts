import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { UsersModule } from '#libs/users';
import { IncidentsRepository } from './incidents.repository.js';
import { CaseIncidentsResolver, IncidentsResolver } from './incidents.resolver.js';
import { IncidentsService } from './incidents.service.js';

@Module({
  imports: [CasesModule, AgenciesModule, UsersModule],
  providers: [IncidentsRepository, IncidentsService, IncidentsResolver, CaseIncidentsResolver],
  exports: [IncidentsRepository, IncidentsService],
})
export class IncidentsModule {}
