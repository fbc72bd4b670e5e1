import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { IncidentsModule } from '#libs/incidents';
import { IntakeResolver } from './intake.resolver.js';
import { IntakeRepository } from './intake.repository.js';
import { IntakeService } from './intake.service.js';

@Module({
  imports: [CasesModule, IncidentsModule],
  providers: [IntakeRepository, IntakeService, IntakeResolver],
  exports: [IntakeRepository],
})
export class IntakeModule {}
