import { Module } from '@nestjs/common';
import { AdministrationModule } from '#libs/administration';
import { AgenciesModule } from '#libs/agencies';
import { AuthModule } from '#libs/auth';
import { UsersModule } from '#libs/users';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysResolver } from './api-keys.resolver.js';
import { ApiKeysService } from './api-keys.service.js';
import { KeyBearerService } from './key-bearers.service.js';

@Module({
  imports: [AgenciesModule, UsersModule, AuthModule, AdministrationModule],
  providers: [ApiKeysRepository, ApiKeysService, KeyBearerService, ApiKeysResolver],
})
export class ApiKeysModule {}
