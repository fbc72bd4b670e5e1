import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { AsbRiskRepository } from './asb-risk.repository.js';
import { AsbRiskResolver } from './asb-risk.resolver.js';
import { AsbRiskService } from './asb-risk.service.js';

@Module({
  imports: [CasesModule],
  providers: [AsbRiskRepository, AsbRiskService, AsbRiskResolver],
  exports: [AsbRiskRepository],
})
export class AsbRiskModule {}
