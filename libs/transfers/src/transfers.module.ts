import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { KnownToModule } from '#libs/known-to';
import { MeetingsModule } from '#libs/meetings';
import { RetentionModule } from '#libs/retention';
import { SharesModule } from '#libs/shares';
import { TransfersRepository } from './transfers.repository.js';
import { CaseTransferResolver, TransfersResolver } from './transfers.resolver.js';
import { TransfersService } from './transfers.service.js';

@Module({
  imports: [CasesModule, SharesModule, KnownToModule, MeetingsModule, RetentionModule, AgenciesModule],
  providers: [TransfersRepository, TransfersService, TransfersResolver, CaseTransferResolver],
  exports: [TransfersService],
})
export class TransfersModule {}
