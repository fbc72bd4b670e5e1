import { Partnership1764000000000 } from './1764000000000-partnership.js';
import { TenancyAndAudit1764100000000 } from './1764100000000-tenancy-and-audit.js';
import { AlertOutbox1764200000000 } from './1764200000000-alert-outbox.js';
import { Meetings1764300000000 } from './1764300000000-meetings.js';
import { CaseReviews1764400000000 } from './1764400000000-case-reviews.js';
import { LegalDates1764500000000 } from './1764500000000-legal-dates.js';
import { Satisfaction1764600000000 } from './1764600000000-satisfaction.js';
import { Intake1764700000000 } from './1764700000000-intake.js';
import { Evidence1764800000000 } from './1764800000000-evidence.js';
import { Closure1764900000000 } from './1764900000000-closure.js';
import { AsbRiskAndActionPlans1765000000000 } from './1765000000000-asb-risk-and-action-plans.js';
import { ServiceStandards1765100000000 } from './1765100000000-service-standards.js';
import { Retention1765200000000 } from './1765200000000-retention.js';
import { AdministrationLog1765320000000 } from './1765320000000-administration-log.js';
import { DatabaseRoles1765330000000 } from './1765330000000-database-roles.js';
import { RowSecurity1765350000000 } from './1765350000000-row-security.js';
import { Sessions1765360000000 } from './1765360000000-sessions.js';
import { SignInThrottle1765370000000 } from './1765370000000-sign-in-throttle.js';
import { MailOutbox1765380000000 } from './1765380000000-mail-outbox.js';
import { AccountLinks1765380000001 } from './1765380000001-account-links.js';
import { SecondFactor1765390000000 } from './1765390000000-second-factor.js';
import { ApiKeys1765400000000 } from './1765400000000-api-keys.js';
import { SingleSignOn1765410000000 } from './1765410000000-single-sign-on.js';
import { SessionSignInMethod1765415000000 } from './1765415000000-session-sign-in-method.js';
import { AgencyAdministrators1765420000000 } from './1765420000000-agency-administrators.js';
import { AlertConsumers1765425000000 } from './1765425000000-alert-consumers.js';
import { CaseUpdates1765430000000 } from './1765430000000-case-updates.js';
import { AlertInbox1765440000000 } from './1765440000000-alert-inbox.js';
import { Notifications1765460000000 } from './1765460000000-notifications.js';
import { Webhooks1765470000000 } from './1765470000000-webhooks.js';
import { SubjectAccess1765510000000 } from './1765510000000-subject-access.js';
import { Letters1765550000000 } from './1765550000000-letters.js';
import { CaseTransfers1765530000000 } from './1765530000000-case-transfers.js';
import { CaseReviewProcess1765520000000 } from './1765520000000-case-review-process.js';
import { KnownTo1765490000000 } from './1765490000000-known-to.js';
import { SharingBasis1765500000000 } from './1765500000000-sharing-basis.js';
import { People1765480000000 } from './1765480000000-people.js';

/** Every migration, oldest first. The schema changes only through these. */
export const migrations = [
  Partnership1764000000000,
  TenancyAndAudit1764100000000,
  AlertOutbox1764200000000,
  Meetings1764300000000,
  CaseReviews1764400000000,
  LegalDates1764500000000,
  Satisfaction1764600000000,
  Intake1764700000000,
  Evidence1764800000000,
  Closure1764900000000,
  AsbRiskAndActionPlans1765000000000,
  ServiceStandards1765100000000,
  Retention1765200000000,
  AdministrationLog1765320000000,
  DatabaseRoles1765330000000,
  RowSecurity1765350000000,
  Sessions1765360000000,
  SignInThrottle1765370000000,
  MailOutbox1765380000000,
  AccountLinks1765380000001,
  SecondFactor1765390000000,
  ApiKeys1765400000000,
  SingleSignOn1765410000000,
  SessionSignInMethod1765415000000,
  AgencyAdministrators1765420000000,
  AlertConsumers1765425000000,
  CaseUpdates1765430000000,
  AlertInbox1765440000000,
  Notifications1765460000000,
  Webhooks1765470000000,
  People1765480000000,
  KnownTo1765490000000,
  SharingBasis1765500000000,
  SubjectAccess1765510000000,
  CaseReviewProcess1765520000000,
  CaseTransfers1765530000000,
  Letters1765550000000,
];
