import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { LiveConnections } from './live-connections.service.js';

/** The open WebSockets of this process, for every feature that serves subscriptions (alerts, a meeting's viewers). */
@Module({
  imports: [AuthModule],
  providers: [LiveConnections],
  exports: [LiveConnections],
})
export class LiveModule {}
