import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { SatisfactionResolver } from './satisfaction.resolver.js';
import { SatisfactionService } from './satisfaction.service.js';
import { SatisfactionRepository } from './satisfaction.repository.js';

@Module({ imports: [CasesModule], providers: [SatisfactionService, SatisfactionResolver, SatisfactionRepository], exports: [SatisfactionRepository] })
export class SatisfactionModule {}
