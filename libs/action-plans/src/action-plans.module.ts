import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { ActionPlansResolver } from './action-plans.resolver.js';
import { ActionPlansService } from './action-plans.service.js';
import { ActionPlansRepository } from './action-plans.repository.js';

@Module({ imports: [CasesModule], providers: [ActionPlansService, ActionPlansResolver, ActionPlansRepository], exports: [ActionPlansRepository] })
export class ActionPlansModule {}
