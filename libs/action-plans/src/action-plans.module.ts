import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { ActionPlansRepository } from './action-plans.repository.js';
import { ActionPlansResolver } from './action-plans.resolver.js';
import { ActionPlansService } from './action-plans.service.js';

@Module({
  imports: [CasesModule],
  providers: [ActionPlansRepository, ActionPlansService, ActionPlansResolver],
  exports: [ActionPlansRepository],
})
export class ActionPlansModule {}
