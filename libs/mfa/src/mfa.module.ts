import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { MfaRepository } from './mfa.repository.js';
import { MfaResolver } from './mfa.resolver.js';
import { MfaService } from './mfa.service.js';

@Module({
  imports: [AuthModule],
  providers: [MfaRepository, MfaService, MfaResolver],
  exports: [MfaService],
})
export class MfaModule {}
