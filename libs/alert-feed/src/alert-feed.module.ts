import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { LiveModule } from '#libs/live';
import { MeetingsModule } from '#libs/meetings';
import { AlertFeedResolver } from './alert-feed.resolver.js';
import { AlertHub } from './alert-hub.service.js';

@Module({
  imports: [CasesModule, LiveModule, MeetingsModule],
  providers: [AlertHub, AlertFeedResolver],
  exports: [AlertHub],
})
export class AlertFeedModule {}
