import { Module } from '@nestjs/common';
import { ActionsModule } from '#libs/actions';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { ContactsModule } from '#libs/contacts';
import { EvidenceModule } from '#libs/evidence';
import { IncidentsModule } from '#libs/incidents';
import { LettersRepository } from './letters.repository.js';
import { LettersResolver } from './letters.resolver.js';
import { LettersService } from './letters.service.js';

@Module({
  imports: [CasesModule, EvidenceModule, ActionsModule, ContactsModule, AgenciesModule, IncidentsModule],
  providers: [LettersRepository, LettersService, LettersResolver],
  exports: [LettersRepository],
})
export class LettersModule {}
