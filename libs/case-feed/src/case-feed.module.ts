import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { LiveModule } from '#libs/live';
import { CaseFeed } from './case-feed.js';
import { CaseFeedResolver } from './case-feed.resolver.js';

/** Every open screen stays live (issue 17, item 1): `caseUpdates` for a case page, `caseActivity` for lists. */
@Module({
  imports: [AgenciesModule, CasesModule, LiveModule],
  providers: [CaseFeed, CaseFeedResolver],
  exports: [CaseFeed],
})
export class CaseFeedModule {}
