import { Args, Context, ID, Info, Resolver, Subscription } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { AlertKind } from '#libs/alerts';
import { RiskLevel } from '#libs/common';
import type { LiveContext } from '#libs/live';
import { type AlertDelivery, AlertHub } from './alert-hub.service.js';
import { alertOperation } from './alert-operation.js';
import { CaseAlert } from './case-alert.model.js';

@Resolver(() => CaseAlert)
export class AlertFeedResolver {
  constructor(private readonly hub: AlertHub) {}

  @Subscription(() => CaseAlert, {
    description:
      'Alerts about cases your agency holds, checked against your rights at the moment of delivery. With `since`, what you missed after that alert comes first.',
    // Each delivery carries the loaders shared by its agency's subscribers, so nested fields cost the same
    // few queries however many subscribers there are, and nothing is cached from one alert to the next.
    resolve: (delivery: AlertDelivery, _args: unknown, ctx: RequestContext) => {
      ctx.loaders = delivery.loaders;
      return delivery.alert;
    },
  })
  @Allow('read', 'Case')
  caseAlerts(
    @Context() ctx: LiveContext,
    @Info() info: GraphQLResolveInfo,
    @Args('since', { type: () => String, nullable: true, description: 'An alert id' }) since?: string,
    @Args('caseId', { type: () => ID, nullable: true }) caseId?: string,
    @Args('kinds', { type: () => [AlertKind], nullable: true }) kinds?: AlertKind[],
    @Args('minRisk', { type: () => RiskLevel, nullable: true, description: 'Only cases at this risk or above' })
    minRisk?: RiskLevel,
  ) {
    if (!ctx.message || !ctx.session) throw new Error('caseAlerts is served over graphql-ws only');
    return this.hub.subscribe(ctx, ctx.session, { since, caseId, kinds, minRisk }, alertOperation(ctx.message, info));
  }
}
