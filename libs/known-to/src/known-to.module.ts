import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { CasesModule } from '#libs/cases';
import { LiveModule } from '#libs/live';
import { SharesModule } from '#libs/shares';
import { AccessRequestFeed } from './access-request-feed.js';
import { AccessRequestsService } from './access-requests.service.js';
import { KnownToRepository } from './known-to.repository.js';
import { AccessRequestsResolver, KnownToResolver, LockedPersonMatchResolver } from './known-to.resolver.js';
import { KnownToService } from './known-to.service.js';

@Module({
  imports: [CasesModule, SharesModule, AgenciesModule, LiveModule],
  providers: [
    KnownToRepository,
    KnownToService,
    AccessRequestsService,
    AccessRequestFeed,
    KnownToResolver,
    LockedPersonMatchResolver,
    AccessRequestsResolver,
  ],
  exports: [KnownToRepository],
})
export class KnownToModule {}
