import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { DownloadsModule } from '#libs/downloads';
import { SubjectAccessController } from './subject-access.controller.js';
import { SubjectAccessRepository } from './subject-access.repository.js';
import { SubjectAccessResolver } from './subject-access.resolver.js';
import { SubjectAccessService } from './subject-access.service.js';

@Module({
  imports: [CasesModule, DownloadsModule],
  providers: [SubjectAccessRepository, SubjectAccessService, SubjectAccessResolver],
  controllers: [SubjectAccessController],
  exports: [SubjectAccessRepository],
})
export class SubjectAccessModule {}
