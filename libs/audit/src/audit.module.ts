import { Global, Module } from '@nestjs/common';
import { AuditViewsPlugin } from './audit.plugin.js';
import { AuditLog } from './audit-log.service.js';

@Global()
@Module({ providers: [AuditLog, AuditViewsPlugin], exports: [AuditLog] })
export class AuditModule {}
