import { Module } from '@nestjs/common';
import { UsersModule } from '#libs/users';
import { AuthResolver } from './auth.resolver.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [UsersModule],
  providers: [TokensService, SessionsService, SignInThrottle, SignInService, AuthResolver],
  exports: [TokensService, SessionsService],
})
export class AuthModule {}
