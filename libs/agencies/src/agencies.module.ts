import { Module } from '@nestjs/common';
import { AgenciesRepository } from './agencies.repository.js';
import { AgenciesResolver } from './agencies.resolver.js';
import { AgenciesService } from './agencies.service.js';

@Module({
  providers: [AgenciesService, AgenciesResolver, AgenciesRepository],
  exports: [AgenciesService, AgenciesRepository],
})
export class AgenciesModule {}
