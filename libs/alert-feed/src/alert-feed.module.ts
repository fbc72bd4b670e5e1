import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { LiveModule } from '#libs/live';
import { AlertFeedResolver } from './alert-feed.resolver.js';
import { AlertHub } from './alert-hub.service.js';

@Module({
  imports: [CasesModule, LiveModule],
  providers: [AlertHub, AlertFeedResolver],
  exports: [AlertHub],
})
export class AlertFeedModule {}
