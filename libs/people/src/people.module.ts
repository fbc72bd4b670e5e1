import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { PeopleRepository } from './people.repository.js';
import { PartyPersonResolver, PeopleResolver, PersonMatchResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';

@Module({
  imports: [CasesModule],
  providers: [PeopleRepository, PeopleService, PeopleResolver, PartyPersonResolver, PersonMatchResolver],
})
export class PeopleModule {}
