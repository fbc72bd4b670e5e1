import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { ExportsController } from './exports.controller.js';

@Module({ imports: [AuthModule], controllers: [ExportsController] })
export class ExportsModule {}
