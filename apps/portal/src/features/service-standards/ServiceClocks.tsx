import type { ClockState, ServiceStandard } from '../../gql/graphql';
import { formatDateTime } from '../../format';
import { Table, Tag, Withheld, WarningText } from '../../ui/govuk';

export interface Clock {
  standard: ServiceStandard;
  state: ClockState;
  dueAt: string;
  doneAt?: string | null;
}

/** Each standard as the officer would say it (the ServiceStandard enum's descriptions say the rule). */
export const STANDARD_NAMES: Record<ServiceStandard, string> = {
  CONTACT_REPORTER: 'Contact the reporter',
  ACTION_PLAN_AGREED: 'Agree an action plan',
  REPORTER_UPDATED: 'Update the reporter',
  RISK_REVIEWED: 'Review the risk assessment',
};

/** The order a case goes through them. */
const ORDER: ServiceStandard[] = ['CONTACT_REPORTER', 'ACTION_PLAN_AGREED', 'REPORTER_UPDATED', 'RISK_REVIEWED'];

/** A clock still due within this long is marked "Due soon". */
const SOON_MS = 24 * 3600 * 1000;

/** Met, due or breached, always in words as well as colour. */
export function ClockTag({ clock, now = Date.now() }: { clock: Clock; now?: number }) {
  if (clock.state === 'MET') return <Tag colour="green">Met</Tag>;
  if (clock.state === 'BREACHED') return <Tag colour="red">Breached</Tag>;
  return Date.parse(clock.dueAt) - now < SOON_MS ? <Tag colour="yellow">Due soon</Tag> : <Tag colour="blue">Due</Tag>;
}

/** What was done, and when: a breached clock done after its deadline says it was late. */
export function doneText(clock: Clock): string {
  if (!clock.doneAt) return 'Not done yet';
  const late = Date.parse(clock.doneAt) > Date.parse(clock.dueAt);
  if (clock.standard === 'REPORTER_UPDATED') return `Last updated ${formatDateTime(clock.doneAt)}`;
  if (clock.standard === 'RISK_REVIEWED') return `Last assessed ${formatDateTime(clock.doneAt)}`;
  return `${late ? 'Done late, on' : 'Done'} ${formatDateTime(clock.doneAt)}`;
}

/**
 * The owner agency's service standards on this case, at the top of its summary: each standard in words, met,
 * due or breached, with its deadline. A breach turns the whole panel red and is named in a warning, so it is
 * seen at a glance. Withheld from LIMITED shares.
 */
export function ServiceClocksPanel({
  clocks,
  withheld,
}: {
  clocks: readonly Clock[] | null | undefined;
  withheld: boolean;
}) {
  const sorted = [...(clocks ?? [])].sort((a, b) => ORDER.indexOf(a.standard) - ORDER.indexOf(b.standard));
  const breached = sorted.filter((c) => c.state === 'BREACHED');
  const now = Date.now();
  return (
    <section aria-labelledby="clocks-heading" className={`app-clocks${breached.length ? ' app-clocks--breached' : ''}`}>
      <h3 className="govuk-heading-m" id="clocks-heading">
        Service standards
      </h3>
      {withheld ? (
        <p className="govuk-body">
          <Withheld />: only the owner agency and agencies with full access see the service standards.
        </p>
      ) : sorted.length === 0 ? (
        <p className="govuk-body">
          None apply yet. The standards start when a reporter (a complainant or victim) is on the case, and the risk
          review starts with the first risk assessment.
        </p>
      ) : (
        <>
          {breached.length > 0 && (
            <WarningText>
              {breached.length === 1
                ? 'A service standard is breached'
                : `${breached.length} service standards are breached`}
              : {breached.map((c) => STANDARD_NAMES[c.standard].toLowerCase()).join(', ')}.
            </WarningText>
          )}
          <Table
            caption="Service standards on this case"
            hiddenCaption
            head={['Standard', 'State', 'Due by', 'Done']}
            rows={sorted}
            rowKey={(c) => c.standard}
            cells={(c) => [
              STANDARD_NAMES[c.standard],
              <ClockTag clock={c} now={now} />,
              formatDateTime(c.dueAt),
              doneText(c),
            ]}
          />
        </>
      )}
    </section>
  );
}
