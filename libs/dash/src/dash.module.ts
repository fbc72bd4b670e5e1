import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { DashResolver } from './dash.resolver.js';
import { DashService } from './dash.service.js';

@Module({ imports: [CasesModule], providers: [DashService, DashResolver], exports: [DashService] })
export class DashModule {}
