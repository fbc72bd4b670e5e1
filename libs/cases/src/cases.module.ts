import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { UsersModule } from '#libs/users';
import { CasesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';

@Module({ imports: [AgenciesModule, UsersModule], providers: [CasesService, CasesResolver], exports: [CasesService] })
export class CasesModule {}
