import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { UsersModule } from '#libs/users';
import { CasesRepository } from './cases.repository.js';
import { CasesResolver, PartiesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';
import { ClosingContacts } from './closing-contacts.js';
import { PartiesService } from './parties.service.js';

@Module({
  imports: [AgenciesModule, UsersModule],
  providers: [CasesRepository, CasesService, PartiesService, ClosingContacts, CasesResolver, PartiesResolver],
  exports: [CasesRepository, CasesService, PartiesService, ClosingContacts],
})
export class CasesModule {}
