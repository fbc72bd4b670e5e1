import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { SharesModule } from '#libs/shares';
import { AuditActorResolver, AuditTrailResolver, DisclosureResolver } from './audit-trail.resolver.js';
import { AuditTrailService } from './audit-trail.service.js';

@Module({
  imports: [CasesModule, AgenciesModule, SharesModule],
  providers: [AuditTrailService, AuditTrailResolver, AuditActorResolver, DisclosureResolver],
})
export class AuditTrailModule {}
