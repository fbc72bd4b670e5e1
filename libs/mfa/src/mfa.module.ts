import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { MfaRepository } from './mfa.repository.js';
import { AgencySecondFactorResolver, MfaResolver } from './mfa.resolver.js';
import { MfaService } from './mfa.service.js';

@Module({
  imports: [AuthModule],
  providers: [MfaRepository, MfaService, MfaResolver, AgencySecondFactorResolver],
  exports: [MfaService],
})
export class MfaModule {}
