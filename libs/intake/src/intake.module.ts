import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { IncidentsModule } from '#libs/incidents';
import { IntakeResolver } from './intake.resolver.js';
import { IntakeService } from './intake.service.js';

@Module({ imports: [CasesModule, IncidentsModule], providers: [IntakeService, IntakeResolver] })
export class IntakeModule {}
