import { Global, Module } from '@nestjs/common';
import { AlertOutbox } from './alert-outbox.service.js';
import { AlertScheduler } from './alert-scheduler.service.js';
import { AlertsRepository } from './alerts.repository.js';

@Global()
@Module({
  providers: [AlertsRepository, AlertOutbox, AlertScheduler],
  exports: [AlertsRepository, AlertOutbox, AlertScheduler],
})
export class AlertsModule {}
