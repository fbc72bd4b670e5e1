import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { CaseSharesResolver, SharesResolver } from './shares.resolver.js';
import { SharesService } from './shares.service.js';
import { SharesRepository } from './shares.repository.js';

@Module({ imports: [CasesModule, AgenciesModule], providers: [SharesService, SharesResolver, CaseSharesResolver, SharesRepository], exports: [SharesRepository] })
export class SharesModule {}
