import { Module } from '@nestjs/common';
import { ActionsModule } from '#libs/actions';
import { CasesModule } from '#libs/cases';
import { MeetingsModule } from '#libs/meetings';
import { CaseReviewsRepository } from './case-reviews.repository.js';
import { CaseReviewProcessResolver, CaseReviewsResolver } from './case-reviews.resolver.js';
import { CaseReviewsService } from './case-reviews.service.js';

@Module({
  imports: [CasesModule, ActionsModule, MeetingsModule],
  providers: [CaseReviewsService, CaseReviewsResolver, CaseReviewProcessResolver, CaseReviewsRepository],
  exports: [CaseReviewsRepository],
})
export class CaseReviewsModule {}
