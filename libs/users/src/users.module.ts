import { Module } from '@nestjs/common';
import { AgenciesModule } from '#libs/agencies';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';
import { UsersRepository } from './users.repository.js';

@Module({ imports: [AgenciesModule], providers: [UsersRepository, UsersService, UsersResolver], exports: [UsersRepository, UsersService] })
export class UsersModule {}
