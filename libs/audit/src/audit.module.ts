import { Global, Module } from '@nestjs/common';
import { AuditViewsPlugin } from './audit.plugin.js';
import { AuditLog } from './audit-log.service.js';
import { AuditRepository } from './audit.repository.js';

@Global()
@Module({ providers: [AuditRepository, AuditLog, AuditViewsPlugin], exports: [AuditLog, AuditRepository] })
export class AuditModule {}
