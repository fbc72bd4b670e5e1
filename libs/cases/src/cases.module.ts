import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { UsersModule } from '#libs/users';
import { CasesRepository } from './cases.repository.js';
import { CasesResolver, PartiesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';
import { PartiesService } from './parties.service.js';

@Module({ imports: [AgenciesModule, UsersModule], providers: [CasesService, PartiesService, CasesResolver, PartiesResolver, CasesRepository], exports: [CasesService, CasesRepository] })
export class CasesModule {}
