import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { CaseReviewsResolver } from './case-reviews.resolver.js';
import { CaseReviewsService } from './case-reviews.service.js';

@Module({ imports: [CasesModule], providers: [CaseReviewsService, CaseReviewsResolver] })
export class CaseReviewsModule {}
