import { subject } from '@casl/ability';
import { Field, ObjectType } from '@nestjs/graphql';
import type { PortalAbility } from '#libs/access';
import type { CaseAction } from './case-action.model.js';

@ObjectType({
  description: 'What you may do to this action, by the rules the API applies (permission only, not its status)',
})
export class CaseActionViewerCan {
  @Field({ description: 'updateAction: record its progress, complete or cancel it' })
  update: boolean;
}

/**
 * The subject ActionsService.update asks about: the action's agency, and the case's owner as the caller's
 * row security shows it (`caseOwnerAgencyId` is the owner of a case the caller reads, null for one it does not).
 */
export function caseActionViewerCan(
  ability: PortalAbility,
  action: CaseAction,
  caseOwnerAgencyId: string | null,
): CaseActionViewerCan {
  return {
    update: ability.can('update', subject('CaseAction', { ownerAgencyId: action.ownerAgencyId, caseOwnerAgencyId })),
  };
}
