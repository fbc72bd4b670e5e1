import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { EvidenceModule } from '#libs/evidence';
import { RetentionResolver } from './retention.resolver.js';
import { RetentionService } from './retention.service.js';

@Module({ imports: [CasesModule, EvidenceModule], providers: [RetentionService, RetentionResolver] })
export class RetentionModule {}
