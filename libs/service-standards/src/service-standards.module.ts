import { Module } from '@nestjs/common';
import { ServiceStandardsRepository } from './service-standards.repository.js';
import { ServiceStandardsResolver } from './service-standards.resolver.js';
import { ServiceStandardsService } from './service-standards.service.js';

@Module({
  providers: [ServiceStandardsService, ServiceStandardsResolver, ServiceStandardsRepository],
  exports: [ServiceStandardsService, ServiceStandardsRepository],
})
export class ServiceStandardsModule {}
