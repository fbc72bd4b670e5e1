import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { SharesRepository } from './shares.repository.js';
import { CaseSharesResolver, SharesResolver } from './shares.resolver.js';
import { SharesService } from './shares.service.js';

@Module({
  imports: [CasesModule, AgenciesModule],
  providers: [SharesRepository, SharesService, SharesResolver, CaseSharesResolver],
  exports: [SharesRepository, SharesService],
})
export class SharesModule {}
