import { Global, Module } from '@nestjs/common';
import { AlertOutbox } from './alert-outbox.service.js';
import { AlertScheduler } from './alert-scheduler.service.js';

@Global()
@Module({ providers: [AlertOutbox, AlertScheduler], exports: [AlertOutbox, AlertScheduler] })
export class AlertsModule {}
