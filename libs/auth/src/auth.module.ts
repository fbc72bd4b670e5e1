import { Module } from '@nestjs/common';
import { UsersModule } from '#libs/users';
import { AuthRepository } from './auth.repository.js';
import { AuthResolver } from './auth.resolver.js';
import { EncryptionKey } from './encryption-key.js';
import { KeyBearers } from './key-bearers.js';
import { SecondFactor } from './second-factor.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [UsersModule],
  providers: [
    AuthRepository,
    TokensService,
    SessionsService,
    SignInThrottle,
    SecondFactor,
    SignInService,
    AuthResolver,
    KeyBearers,
    EncryptionKey,
  ],
  exports: [TokensService, SessionsService, AuthRepository, SignInThrottle, SecondFactor, KeyBearers, EncryptionKey],
})
export class AuthModule {}
