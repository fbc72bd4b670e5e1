import { Module } from '@nestjs/common';
import { AccountsModule } from '#libs/accounts';
import { AgenciesModule } from '#libs/agencies';
import { AuthModule } from '#libs/auth';
import { MfaModule } from '#libs/mfa';
import { UsersModule } from '#libs/users';
import { AdministrationRepository } from './administration.repository.js';
import { AdminGrantResolver, AdministrationResolver, UserAdminGrantResolver } from './administration.resolver.js';
import { AdministrationService } from './administration.service.js';

@Module({
  imports: [AgenciesModule, UsersModule, AuthModule, AccountsModule, MfaModule],
  providers: [
    AdministrationRepository,
    AdministrationService,
    AdministrationResolver,
    AdminGrantResolver,
    UserAdminGrantResolver,
  ],
  exports: [AdministrationRepository, AdministrationService],
})
export class AdministrationModule {}
