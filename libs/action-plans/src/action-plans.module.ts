import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { ActionPlansResolver } from './action-plans.resolver.js';
import { ActionPlansService } from './action-plans.service.js';

@Module({ imports: [CasesModule], providers: [ActionPlansService, ActionPlansResolver] })
export class ActionPlansModule {}
