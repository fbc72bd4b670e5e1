import { Module } from '@nestjs/common';
import { AdministrationModule } from '#libs/administration';
import { AgenciesModule } from '#libs/agencies';
import { AuthModule } from '#libs/auth';
import { UsersModule } from '#libs/users';
import { IdentityProvidersService } from './identity-providers.service.js';
import { SingleSignOnService } from './single-sign-on.service.js';
import { SsoController } from './sso.controller.js';
import { SsoRepository } from './sso.repository.js';
import { SsoResolver } from './sso.resolver.js';

@Module({
  imports: [AgenciesModule, UsersModule, AuthModule, AdministrationModule],
  controllers: [SsoController],
  providers: [SsoRepository, IdentityProvidersService, SingleSignOnService, SsoResolver],
})
export class SsoModule {}
