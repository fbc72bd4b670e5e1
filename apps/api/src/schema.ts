import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AccountsResolver } from '#libs/accounts';
import { ActionPlansResolver } from '#libs/action-plans';
import { ActionsResolver, CaseActionsResolver } from '#libs/actions';
import { AdminGrantResolver, AdministrationResolver, UserAdminGrantResolver } from '#libs/administration';
import { AgenciesResolver } from '#libs/agencies';
import { ApiKeysResolver } from '#libs/api-keys';
import { AlertFeedResolver } from '#libs/alert-feed';
import { AlertInboxResolver } from '#libs/alert-inbox';
import { AsbRiskResolver } from '#libs/asb-risk';
import { AuditActorResolver, AuditTrailResolver, DisclosureResolver } from '#libs/audit-trail';
import { AuthResolver } from '#libs/auth';
import { CaseFeedResolver } from '#libs/case-feed';
import { CaseReviewProcessResolver, CaseReviewsResolver } from '#libs/case-reviews';
import { CasesResolver, PartiesResolver } from '#libs/cases';
import { ContactsResolver } from '#libs/contacts';
import { DashResolver } from '#libs/dash';
import { CaseEvidenceResolver, EvidenceResolver, IncidentEvidenceResolver } from '#libs/evidence';
import {
  AgendaItemsResolver,
  CaseActionMeetingResolver,
  CaseMeetingReferralResolver,
  CaseMeetingReferralsResolver,
  MeetingsResolver,
} from '#libs/meetings';
import { ReportsResolver } from '#libs/reports';
import { RetentionResolver } from '#libs/retention';
import { SatisfactionResolver } from '#libs/satisfaction';
import { ServiceStandardsResolver } from '#libs/service-standards';
import { CaseIncidentsResolver, IncidentsResolver } from '#libs/incidents';
import { IntakeResolver } from '#libs/intake';
import { AccessRequestsResolver, KnownToResolver, LockedPersonMatchResolver } from '#libs/known-to';
import { AgencySecondFactorResolver, MfaResolver } from '#libs/mfa';
import { NotificationsResolver } from '#libs/notifications';
import { PartyPersonResolver, PeopleResolver, PersonMatchResolver } from '#libs/people';
import { CaseSharesResolver, SharesResolver } from '#libs/shares';
import { CaseTransferResolver, TransfersResolver } from '#libs/transfers';
import { SsoResolver } from '#libs/sso';
import { SubjectAccessResolver } from '#libs/subject-access';
import { LettersResolver } from '#libs/letters';
import { UsersResolver } from '#libs/users';
import { WebhooksResolver } from '#libs/webhooks';
import { SCALARS } from './date-time.scalar.js';

/** Every resolver class the API serves; the schema test checks this list against the running app. */
export const RESOLVERS = [
  AuthResolver,
  AccountsResolver,
  MfaResolver,
  AgencySecondFactorResolver,
  AgenciesResolver,
  UsersResolver,
  AdministrationResolver,
  AdminGrantResolver,
  UserAdminGrantResolver,
  ApiKeysResolver,
  WebhooksResolver,
  SubjectAccessResolver,
  LettersResolver,
  CasesResolver,
  PartiesResolver,
  PeopleResolver,
  PartyPersonResolver,
  PersonMatchResolver,
  SharesResolver,
  CaseSharesResolver,
  TransfersResolver,
  CaseTransferResolver,
  IncidentsResolver,
  CaseIncidentsResolver,
  ActionsResolver,
  CaseActionsResolver,
  ContactsResolver,
  AuditTrailResolver,
  AuditActorResolver,
  DisclosureResolver,
  AlertFeedResolver,
  CaseFeedResolver,
  AlertInboxResolver,
  DashResolver,
  MeetingsResolver,
  AgendaItemsResolver,
  CaseActionMeetingResolver,
  CaseMeetingReferralsResolver,
  CaseMeetingReferralResolver,
  CaseReviewsResolver,
  CaseReviewProcessResolver,
  ReportsResolver,
  SatisfactionResolver,
  IntakeResolver,
  EvidenceResolver,
  CaseEvidenceResolver,
  IncidentEvidenceResolver,
  AsbRiskResolver,
  ActionPlansResolver,
  ServiceStandardsResolver,
  RetentionResolver,
  SsoResolver,
  NotificationsResolver,
  KnownToResolver,
  LockedPersonMatchResolver,
  AccessRequestsResolver,
];

/** The schema as SDL, sorted, exactly as checked in; built without a database. */
export async function printPortalSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS, { scalarsMap: SCALARS });
  await app.close();
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
