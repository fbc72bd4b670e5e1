import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { UsersModule } from '#libs/users';
import { CasesResolver, PartiesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';
import { PartiesService } from './parties.service.js';
import { CasesRepository } from './cases.repository.js';

@Module({ imports: [AgenciesModule, UsersModule], providers: [CasesRepository, CasesService, PartiesService, CasesResolver, PartiesResolver], exports: [CasesRepository, CasesService] })
export class CasesModule {}
