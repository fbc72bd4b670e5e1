import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { SatisfactionResolver } from './satisfaction.resolver.js';
import { SatisfactionService } from './satisfaction.service.js';

@Module({ imports: [CasesModule], providers: [SatisfactionService, SatisfactionResolver] })
export class SatisfactionModule {}
