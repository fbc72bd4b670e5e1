import { Module } from '@nestjs/common';
import { ReportsResolver } from './reports.resolver.js';
import { ExceptionsService } from './exceptions.service.js';
import { ReportsService } from './reports.service.js';

@Module({ providers: [ReportsService, ExceptionsService, ReportsResolver] })
export class ReportsModule {}
