import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DownloadsModule } from '#libs/downloads';
import { IncidentsModule } from '#libs/incidents';
import { UsersModule } from '#libs/users';
import { DiskEvidenceStore } from './disk-evidence-store.js';
import { EvidenceController } from './evidence.controller.js';
import { CaseEvidenceResolver, EvidenceResolver, IncidentEvidenceResolver } from './evidence.resolver.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceService } from './evidence.service.js';
import { EVIDENCE_STORE, type EvidenceStore } from './evidence-store.js';
import { S3EvidenceStore } from './s3-evidence-store.js';

@Module({
  imports: [DownloadsModule, CasesModule, IncidentsModule, UsersModule, AgenciesModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceRepository,
    EvidenceService,
    EvidenceResolver,
    CaseEvidenceResolver,
    IncidentEvidenceResolver,
    {
      provide: EVIDENCE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): EvidenceStore =>
        config.evidence.s3
          ? new S3EvidenceStore(config.evidence.s3)
          : new DiskEvidenceStore(join(config.dataDir, 'evidence', 'files')),
    },
  ],
  exports: [EvidenceRepository, EvidenceService],
})
export class EvidenceModule {}
