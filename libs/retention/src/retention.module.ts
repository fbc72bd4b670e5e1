import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CasesModule } from '#libs/cases';
import { IntakeModule } from '#libs/intake';
import { AnonymiserRegistry } from './anonymiser-registry.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionResolver } from './retention.resolver.js';
import { RetentionService } from './retention.service.js';

/**
 * The anonymisers are found through discovery among every provider of the application, not imported here: a
 * library registers its own, and retention depends on none of them.
 */
@Module({
  imports: [DiscoveryModule, CasesModule, IntakeModule],
  providers: [AnonymiserRegistry, RetentionRepository, RetentionService, RetentionResolver],
  exports: [AnonymiserRegistry, RetentionRepository],
})
export class RetentionModule {}
