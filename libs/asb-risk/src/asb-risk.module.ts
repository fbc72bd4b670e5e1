import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { AsbRiskResolver } from './asb-risk.resolver.js';
import { AsbRiskService } from './asb-risk.service.js';

@Module({ imports: [CasesModule], providers: [AsbRiskService, AsbRiskResolver] })
export class AsbRiskModule {}
