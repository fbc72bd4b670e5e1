import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({ imports: [AgenciesModule], providers: [UsersService, UsersResolver], exports: [UsersService] })
export class UsersModule {}
