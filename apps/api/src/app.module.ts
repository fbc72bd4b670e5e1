import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { PolicyGuard } from '#libs/access';
import { ActionsModule } from '#libs/actions';
import { AgenciesModule } from '#libs/agencies';
import { AuditModule } from '#libs/audit';
import { AuditTrailModule } from '#libs/audit-trail';
import { AuthModule, SessionsService } from '#libs/auth';
import { CasesModule } from '#libs/cases';
import { formatError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContactsModule } from '#libs/contacts';
import { migrations, MutationTransaction, QueryCounter } from '#libs/db';
import { IncidentsModule } from '#libs/incidents';
import { SharesModule } from '#libs/shares';
import { UsersModule } from '#libs/users';
import { HealthController } from './health.controller.js';
import { inputValidation } from './validation.js';

@Module({})
class ConfigModule {
  static of(config: AppConfig, counter: QueryCounter): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: QueryCounter, useValue: counter },
      ],
      exports: [APP_CONFIG, QueryCounter],
    };
  }
}

/** Composition only: configuration, the database, GraphQL, and the features. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const counter = new QueryCounter();
    return {
      module: AppModule,
      imports: [
        ConfigModule.of(config, counter),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          migrations,
          migrationsRun: true,
          synchronize: false,
          entities: [],
          logger: counter,
          extra: { max: 20, application_name: 'partnership-portal' },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [SessionsService],
          useFactory: (sessions: SessionsService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            introspection: true,
            includeStacktraceInErrorResponses: config.development,
            // No landing page (it loads from a CDN) and no "Did you mean" schema hints outside development.
            // Cache hints are never used (every answer is per-user), and computing them costs per field.
            plugins: [
              ApolloServerPluginLandingPageDisabled(),
              ApolloServerPluginCacheControlDisabled(),
              ...(config.development ? [] : [ApolloServerPluginDisableSuggestions()]),
            ],
            formatError: formatError(config.development),
            context: async ({ req }: { req: Request }) =>
              sessions.contextFor(await sessions.userForToken(req.headers.authorization), req.ip ?? 'unknown'),
          }),
        }),
        AuditModule,
        AuthModule,
        AgenciesModule,
        UsersModule,
        CasesModule,
        SharesModule,
        IncidentsModule,
        ActionsModule,
        ContactsModule,
        AuditTrailModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_INTERCEPTOR, useClass: MutationTransaction },
        { provide: APP_PIPE, useValue: inputValidation },
      ],
    };
  }
}
