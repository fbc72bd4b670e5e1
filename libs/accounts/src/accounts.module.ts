import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { UsersModule } from '#libs/users';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { PasswordResetMailer } from './password-reset-mailer.service.js';

@Module({
  imports: [UsersModule, AuthModule],
  providers: [AccountsRepository, AccountsService, PasswordResetMailer, AccountsResolver],
  exports: [AccountsService],
})
export class AccountsModule {}
