import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { ReaderQueries } from './reader-queries.service.js';

/** What every file route shares: the reader behind a bearer token, and their own GraphQL queries run as them. */
@Module({
  imports: [AuthModule],
  providers: [ReaderQueries],
  exports: [ReaderQueries],
})
export class DownloadsModule {}
