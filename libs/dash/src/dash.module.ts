import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { DashRepository } from './dash.repository.js';
import { DashResolver } from './dash.resolver.js';
import { DashService } from './dash.service.js';

@Module({
  imports: [CasesModule],
  providers: [DashService, DashResolver, DashRepository],
  exports: [DashService, DashRepository],
})
export class DashModule {}
