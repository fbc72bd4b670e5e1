import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { CaseReviewsRepository } from './case-reviews.repository.js';
import { CaseReviewsResolver } from './case-reviews.resolver.js';
import { CaseReviewsService } from './case-reviews.service.js';

@Module({
  imports: [CasesModule],
  providers: [CaseReviewsService, CaseReviewsResolver, CaseReviewsRepository],
  exports: [CaseReviewsRepository],
})
export class CaseReviewsModule {}
