import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { CaseSharesResolver, SharesResolver } from './shares.resolver.js';
import { SharesService } from './shares.service.js';

@Module({ imports: [CasesModule, AgenciesModule], providers: [SharesService, SharesResolver, CaseSharesResolver] })
export class SharesModule {}
