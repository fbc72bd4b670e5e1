import { Module } from '@nestjs/common';
import { ActionsModule } from '#libs/actions';
import { CasesModule } from '#libs/cases';
import { ServiceStandardsModule } from '#libs/service-standards';
import { ReportsResolver } from './reports.resolver.js';
import { ExceptionsService } from './exceptions.service.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [CasesModule, ActionsModule, ServiceStandardsModule],
  providers: [ReportsService, ExceptionsService, ReportsResolver, ReportsRepository],
  exports: [ReportsRepository],
})
export class ReportsModule {}
