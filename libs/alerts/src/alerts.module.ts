import { Global, Module } from '@nestjs/common';
import { AlertFollowers } from './alert-followers.service.js';
import { AlertOutbox } from './alert-outbox.service.js';
import { AlertScheduler } from './alert-scheduler.service.js';
import { AlertsRepository } from './alerts.repository.js';

@Global()
@Module({
  providers: [AlertsRepository, AlertOutbox, AlertScheduler, AlertFollowers],
  exports: [AlertsRepository, AlertOutbox, AlertScheduler, AlertFollowers],
})
export class AlertsModule {}
