import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { DashResolver } from './dash.resolver.js';
import { DashService } from './dash.service.js';
import { DashRepository } from './dash.repository.js';

@Module({ imports: [CasesModule], providers: [DashRepository, DashService, DashResolver], exports: [DashRepository, DashService] })
export class DashModule {}
