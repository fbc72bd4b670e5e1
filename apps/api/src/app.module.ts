import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { Request } from 'express';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  OperationTypeNode,
  specifiedRules,
  validate,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { PolicyGuard } from '#libs/access';
import { AccountsModule } from '#libs/accounts';
import { ActionPlansModule } from '#libs/action-plans';
import { AdministrationModule } from '#libs/administration';
import { ActionsModule } from '#libs/actions';
import { AgenciesModule } from '#libs/agencies';
import { AlertFeedModule, subscribeOnce } from '#libs/alert-feed';
import { AlertInboxModule } from '#libs/alert-inbox';
import { AlertsModule } from '#libs/alerts';
import { AsbRiskModule } from '#libs/asb-risk';
import { AuditLog, AuditModule, recordViewsInExecution } from '#libs/audit';
import { AuditTrailModule } from '#libs/audit-trail';
import { ApiKeysModule } from '#libs/api-keys';
import { AuthModule, KeyBearers, SessionsService } from '#libs/auth';
import { CaseFeedModule } from '#libs/case-feed';
import { CaseReviewsModule } from '#libs/case-reviews';
import { SubjectAccessModule } from '#libs/subject-access';
import { LettersModule } from '#libs/letters';
import { CasesModule } from '#libs/cases';
import { formatError, TooManyRequestsError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContactsModule } from '#libs/contacts';
import { DashModule } from '#libs/dash';
import { EvidenceModule } from '#libs/evidence';
import { ExportsModule } from '#libs/exports';
import { MailModule } from '#libs/mail';
import { MeetingsModule } from '#libs/meetings';
import { MfaModule } from '#libs/mfa';
import { NotificationsModule } from '#libs/notifications';
import { ReportsModule } from '#libs/reports';
import { RetentionModule } from '#libs/retention';
import { SatisfactionModule } from '#libs/satisfaction';
import { ServiceStandardsModule } from '#libs/service-standards';
import { DATABASE_URL, MutationTransaction, NotificationBusModule, QueryCounter, REQUEST_POOL } from '#libs/db';
import { IncidentsModule } from '#libs/incidents';
import { IntakeModule } from '#libs/intake';
import { KnownToModule } from '#libs/known-to';
import { type LiveContext, LiveConnections, LiveModule, type LiveSession, type LiveSocket } from '#libs/live';
import { SharesModule } from '#libs/shares';
import { TransfersModule } from '#libs/transfers';
import { SsoModule } from '#libs/sso';
import { UsersModule } from '#libs/users';
import { WebhooksModule } from '#libs/webhooks';
import { PeopleModule } from '#libs/people';
import { SCALARS } from './date-time.scalar.js';
import { GraphQLHttpErrors } from './graphql-http-errors.js';
import { HealthController } from './health.controller.js';
import {
  documentLimitRules,
  parseWithTokenLimit,
  QUERY_LIMITS,
  queryLimitPlugin,
  queryLimitRules,
} from './query-limits.js';
import {
  asksForReplay,
  MAX_SUBSCRIPTIONS_PER_SOCKET,
  ReplayLimiter,
  SocketLimits,
  TOO_MANY_SOCKETS,
} from './socket-limits.js';
import { inputValidation } from './validation.js';

/**
 * The same limits on both transports: over HTTP the row count waits for the variables (queryLimitPlugin); no
 * subscription field takes `first`, so on the socket it is a validation rule like the others.
 */
const DOCUMENT_LIMIT_RULES = documentLimitRules();
const QUERY_LIMIT_RULES = queryLimitRules();

/**
 * A partner system's key over its rate is refused before anything runs, as HTTP says it: 429 with Retry-After,
 * and the code and the wait (`retryAfterSeconds`) in the body as every other refusal has them.
 */
async function refusedOverHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    const headers = new Map([['retry-after', String(error.retryAfterSeconds)]]);
    throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 429, headers } } });
  }
}

/** What a WebSocket carries for us: its socket, and once authenticated, its session. */
type LiveExtra = { socket: LiveSocket; live?: LiveSession };

@Module({})
class ConfigModule {
  static of(config: AppConfig, counter: QueryCounter, databaseUrl: string): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: QueryCounter, useValue: counter },
        { provide: DATABASE_URL, useValue: databaseUrl },
      ],
      exports: [APP_CONFIG, QueryCounter, DATABASE_URL],
    };
  }
}

/**
 * One pool's options. Nothing waits for ever: not for a pooled connection, a statement, nor a transaction left
 * idle, so a fault costs one request an error instead of stopping the service.
 */
function databaseOptions(
  config: AppConfig,
  url: string,
  counter: QueryCounter,
  pool: 'system' | typeof REQUEST_POOL,
): TypeOrmModuleOptions {
  const scope = pool === 'system' ? '-c portal.scope=system' : '-c portal.scope=agency -c portal.agency=';
  return {
    ...(pool === 'system' ? {} : { name: pool }),
    type: 'postgres',
    url,
    migrationsRun: false,
    synchronize: false,
    entities: [],
    logger: counter,
    extra: {
      max: config.databasePoolMax,
      connectionTimeoutMillis: 10_000,
      statement_timeout: 60_000,
      idle_in_transaction_session_timeout: 60_000,
      application_name: pool === 'system' ? 'partnership-portal' : 'partnership-portal-requests',
      options: `${scope} -c portal.material_days=${config.meetingMaterialDays}`,
    },
  };
}

/** Composition only: configuration, the database, GraphQL, and the features. */
@Module({})
export class AppModule {
  /** `databaseUrl` is the application role's: the schema is migrated, as its owner, before this connects. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const counter = new QueryCounter(config.countSqlStatements);
    const replays = new ReplayLimiter(config.sockets.replaysPerMinute);
    return {
      module: AppModule,
      imports: [
        ConfigModule.of(config, counter, databaseUrl),
        NotificationBusModule,
        // Two pools of the application role's connections. The system pool's read every row until a transaction
        // narrows itself to the caller's agency (a mutation's): the portal's own work outside requests keeps the
        // whole view. The request pool's never see it: they start narrowed to no agency and are narrowed to one
        // caller's agency at a time (AgencyScopedDb), so a request's statements outside a mutation each cost one
        // round trip, with no transaction around them to set the scope.
        TypeOrmModule.forRoot(databaseOptions(config, databaseUrl, counter, 'system')),
        TypeOrmModule.forRoot(databaseOptions(config, databaseUrl, counter, REQUEST_POOL)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, LiveModule, AuditModule],
          inject: [SessionsService, LiveConnections, AuditLog, KeyBearers],
          useFactory: (sessions: SessionsService, connections: LiveConnections, audit: AuditLog, keys: KeyBearers) => ({
            autoSchemaFile: true,
            sortSchema: true,
            buildSchemaOptions: { scalarsMap: SCALARS },
            // Every sensitive field sent is noted whichever way the schema is executed (audited-fields.ts).
            transformSchema: recordViewsInExecution,
            path: '/graphql',
            playground: false,
            // The contract: introspection answers only in development (the portal's types come from schema.graphql).
            introspection: config.development,
            // Tokens bound the parse; depth, alias and cost are checked with the rest of validation, rows once
            // the variables are known (queryLimitPlugin), all before anything runs.
            parseOptions: { maxTokens: QUERY_LIMITS.tokens },
            validationRules: DOCUMENT_LIMIT_RULES,
            includeStacktraceInErrorResponses: config.development,
            // No landing page (it loads from a CDN) and no "Did you mean" schema hints outside development.
            // Cache hints are never used (every answer is per-user), and computing them costs per field.
            plugins: [
              ApolloServerPluginLandingPageDisabled(),
              ApolloServerPluginCacheControlDisabled(),
              queryLimitPlugin(),
              ...(config.development ? [] : [ApolloServerPluginDisableSuggestions()]),
            ],
            formatError: formatError(config.development),
            context: async (
              arg: { req?: Request; extra?: { live?: LiveSession } },
              id?: string,
              _payload?: unknown,
              operation?: ExecutionArgs,
            ): Promise<LiveContext> => {
              if (arg.req) {
                const req = arg.req;
                return refusedOverHttp(() => sessions.contextForToken(req.headers.authorization, req.ip ?? 'unknown'));
              }
              // A subscription: authenticated once when the socket opened; a fresh context per operation,
              // which keeps the operation so the alert hub can execute it once for many subscribers.
              const live = arg.extra?.live;
              const message = operation && id !== undefined ? { ...operation, id } : undefined;
              return {
                ...sessions.contextFor(live?.user ?? null, 'websocket', live?.sessionId ?? null),
                session: live,
                message,
              };
            },
            subscriptions: {
              'graphql-ws': {
                path: '/graphql',
                // A socket that has not said who it is within this time is closed (4408).
                connectionInitWaitTimeout: config.sockets.initTimeoutSeconds * 1000,
                validate: (schema: GraphQLSchema, document: DocumentNode) =>
                  validate(schema, document, [...specifiedRules, ...QUERY_LIMIT_RULES]),
                subscribe: (args: ExecutionArgs) =>
                  subscribeOnce(args, (ctx) => audit.flushViews(ctx as LiveContext, 'socket')),
                // Queries and mutations go over HTTP, where the guards, the transaction and the audit of views are
                // the ones every partner's system meets: the socket refuses them with an `error`, unexecuted.
                onSubscribe: (
                  ctx: WsContext,
                  id: string,
                  payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
                ) => {
                  // graphql-ws has already reserved this id, in arrival order: a burst is cut at the same place every time.
                  if (Object.keys(ctx.subscriptions).indexOf(id) >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
                    return [
                      new GraphQLError(
                        `A socket holds at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions at once: complete one before starting another`,
                        {
                          extensions: { code: 'TOO_MANY_REQUESTS', limit: MAX_SUBSCRIPTIONS_PER_SOCKET },
                        },
                      ),
                    ];
                  }
                  let document, operation;
                  try {
                    document = parseWithTokenLimit(payload.query);
                    operation = getOperationAST(document, payload.operationName ?? undefined);
                  } catch (error) {
                    // An `error` for this subscription; left to graphql-ws, a syntax error closed the whole socket (4500).
                    if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COMPLEX') return [error];
                    const message = error instanceof Error ? error.message : 'The document does not parse';
                    return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
                  }
                  if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION) {
                    return [
                      new GraphQLError(
                        `This WebSocket carries subscriptions only: send a ${operation.operation} over HTTP (POST /graphql)`,
                        {
                          // The contract's code for a rule that refuses a whole operation.
                          extensions: { code: 'FORBIDDEN', operation: operation.operation },
                        },
                      ),
                    ];
                  }
                  const user = (ctx.extra as LiveExtra).live?.user;
                  // A partner system's key counts each subscription it starts against its rate, as each HTTP request.
                  if (user?.apiKey) {
                    try {
                      keys.admit(user.apiKey.id);
                    } catch (error) {
                      if (error instanceof TooManyRequestsError)
                        return [new GraphQLError(error.message, { originalError: error })];
                      throw error;
                    }
                  }
                  // A replay reads the alert log from the cursor on: a few a minute per user (a live subscription is free).
                  if (operation && user && asksForReplay(document, operation, payload.variables)) {
                    const refusal = replays.take(user.id);
                    if (refusal) return [refusal];
                  }
                  return undefined;
                },
                // A missing, bad or expired token, an ended or idle session, or a deactivated user: refused (4403)
                // before any subscription.
                onConnect: async (ctx: WsContext) => {
                  const session = await sessions.sessionForToken(ctx.connectionParams?.authorization);
                  if (!session) return false;
                  const extra = ctx.extra as LiveExtra;
                  // Counted and opened with no await between, so a burst of sockets cannot all slip under the cap.
                  if (connections.openFor(session.user.id) >= config.sockets.maxPerUser) {
                    extra.socket.close(TOO_MANY_SOCKETS.code, TOO_MANY_SOCKETS.reason);
                    return false;
                  }
                  extra.live = connections.open(session, extra.socket, () => Object.keys(ctx.subscriptions).length > 0);
                  return true;
                },
                onClose: (ctx: WsContext) => connections.forget((ctx.extra as LiveExtra).socket),
                // Errors over WebSocket get the same codes and the same silence about internals as over HTTP.
                onNext: (_ctx: WsContext, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
                  result.errors
                    ? { ...result, errors: result.errors.map((e) => formatError(config.development)(e.toJSON(), e)) }
                    : result,
                // A subscription that does not parse or validate, or that the socket refuses: the codes HTTP gives
                // (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED), and no "Did you mean" outside development.
                onError: (_ctx: WsContext, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
                  errors.map((error) => {
                    const formatted = error.toJSON();
                    const code =
                      formatted.extensions?.code ??
                      (error.message.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED');
                    return formatError(config.development)(
                      { ...formatted, extensions: { ...formatted.extensions, code } },
                      error,
                    );
                  }),
              },
            },
          }),
        }),
        AuditModule,
        AlertsModule,
        AlertFeedModule,
        AlertInboxModule,
        MailModule,
        AuthModule,
        MfaModule,
        NotificationsModule,
        AgenciesModule,
        UsersModule,
        AccountsModule,
        AdministrationModule,
        ApiKeysModule,
        WebhooksModule,
        PeopleModule,
        CasesModule,
        SharesModule,
        TransfersModule,
        IncidentsModule,
        ActionsModule,
        ContactsModule,
        AuditTrailModule,
        DashModule,
        AsbRiskModule,
        ActionPlansModule,
        ServiceStandardsModule,
        RetentionModule,
        MeetingsModule,
        CaseFeedModule,
        CaseReviewsModule,
        ReportsModule,
        ExportsModule,
        SatisfactionModule,
        IntakeModule,
        EvidenceModule,
        SsoModule,
        SubjectAccessModule,
        LettersModule,
        KnownToModule,
      ],
      controllers: [HealthController],
      providers: [
        SocketLimits,
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_INTERCEPTOR, useClass: MutationTransaction },
        { provide: APP_PIPE, useValue: inputValidation },
        { provide: APP_FILTER, useClass: GraphQLHttpErrors },
      ],
    };
  }
}
