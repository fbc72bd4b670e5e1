import { Module } from '@nestjs/common';
import { DownloadsModule } from '#libs/downloads';
import { ExportsController } from './exports.controller.js';

@Module({ imports: [DownloadsModule], controllers: [ExportsController] })
export class ExportsModule {}
