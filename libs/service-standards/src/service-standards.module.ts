import { Module } from '@nestjs/common';
import { ServiceStandardsResolver } from './service-standards.resolver.js';
import { ServiceStandardsService } from './service-standards.service.js';

@Module({ providers: [ServiceStandardsService, ServiceStandardsResolver], exports: [ServiceStandardsService] })
export class ServiceStandardsModule {}
