import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { AsbRiskResolver } from './asb-risk.resolver.js';
import { AsbRiskService } from './asb-risk.service.js';
import { AsbRiskRepository } from './asb-risk.repository.js';

@Module({ imports: [CasesModule], providers: [AsbRiskService, AsbRiskResolver, AsbRiskRepository], exports: [AsbRiskRepository] })
export class AsbRiskModule {}
