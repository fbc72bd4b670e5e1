import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { SatisfactionRepository } from './satisfaction.repository.js';
import { SatisfactionResolver } from './satisfaction.resolver.js';
import { SatisfactionService } from './satisfaction.service.js';

@Module({
  imports: [CasesModule],
  providers: [SatisfactionRepository, SatisfactionService, SatisfactionResolver],
  exports: [SatisfactionRepository],
})
export class SatisfactionModule {}
