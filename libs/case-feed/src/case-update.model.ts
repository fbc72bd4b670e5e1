import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Agency } from '#libs/agencies';

/** What changed on a case: which part of the page (or which list) to read again. */
export enum CaseChangeKind {
  CASE = 'CASE',
  CLOSURE = 'CLOSURE',
  RISK = 'RISK',
  PARTY = 'PARTY',
  INCIDENT = 'INCIDENT',
  ACTION = 'ACTION',
  SHARE = 'SHARE',
  CONTACT = 'CONTACT',
  EVIDENCE = 'EVIDENCE',
  ACTION_PLAN = 'ACTION_PLAN',
  CASE_REVIEW = 'CASE_REVIEW',
  SATISFACTION = 'SATISFACTION',
  LEGAL_HOLD = 'LEGAL_HOLD',
  MEETING = 'MEETING',
  TRIAGE = 'TRIAGE',
}

registerEnumType(CaseChangeKind, {
  name: 'CaseChangeKind',
  description:
    'The part of a case that changed: its record (CASE), closing or reopening (CLOSURE), its risk (RISK: level, DASH or ASB risk assessment), parties, incidents, actions, shares, contacts, evidence, the action plan, an ASB Case Review, a satisfaction survey, a legal hold, a meeting referral (MEETING), or a report in the triage queue (TRIAGE)',
});

@ObjectType({
  description:
    'A signal that something changed: read again what you show. It names no person and carries nothing of the case but its id.',
})
export class CaseUpdate {
  @Field(() => ID, {
    nullable: true,
    description:
      'The case; null for a report in your triage queue that is not a case yet, or for a share of yours that ended (refresh your lists)',
  })
  caseId: string | null;

  @Field(() => CaseChangeKind)
  what: CaseChangeKind;

  @Field(() => Agency, {
    nullable: true,
    description: 'The agency that made the change; null for the portal’s own work',
  })
  byAgency: Agency | null;

  @Field({ description: 'When the change was committed (as this server heard of it)' })
  at: Date;
}
