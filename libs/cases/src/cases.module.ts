import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { UsersModule } from '#libs/users';
import { CasesResolver, PartiesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';
import { PartiesService } from './parties.service.js';
import { CasesRepository } from './cases.repository.js';

@Module({ imports: [AgenciesModule, UsersModule], providers: [CasesService, PartiesService, CasesResolver, PartiesResolver, CasesRepository], exports: [CasesService, CasesRepository] })
export class CasesModule {}
