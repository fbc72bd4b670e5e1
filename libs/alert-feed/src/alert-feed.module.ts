import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { CasesModule } from '#libs/cases';
import { AlertFeedResolver } from './alert-feed.resolver.js';
import { AlertHub } from './alert-hub.service.js';
import { LiveConnections } from './live-connections.service.js';

@Module({
  imports: [CasesModule, AuthModule],
  providers: [LiveConnections, AlertHub, AlertFeedResolver],
  exports: [LiveConnections, AlertHub],
})
export class AlertFeedModule {}
