import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { CaseReviewsResolver } from './case-reviews.resolver.js';
import { CaseReviewsService } from './case-reviews.service.js';
import { CaseReviewsRepository } from './case-reviews.repository.js';

@Module({ imports: [CasesModule], providers: [CaseReviewsRepository, CaseReviewsService, CaseReviewsResolver], exports: [CaseReviewsRepository] })
export class CaseReviewsModule {}
