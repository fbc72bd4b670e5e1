import { formatDateTime, humanise } from '../format';
import type { CaseData } from './CasePage';

interface Entry {
  id: string;
  at: string;
  title: string;
  by?: string;
  text: string;
}

/** Incidents, actions and contacts on one line of time, newest first (MoJ timeline). */
export function TimelineTab({ c }: { c: CaseData }) {
  const entries: Entry[] = [
    ...c.incidents.map((i) => ({ id: `i${i.id}`, at: i.occurredAt, title: `Incident: ${humanise(i.category)}`, by: i.loggedByAgency.name, text: i.description })),
    ...c.actions.map((a) => ({ id: `a${a.id}`, at: a.createdAt, title: `Action: ${humanise(a.kind)} (${humanise(a.status)})`, by: a.ownerAgency.name, text: a.description })),
    ...(c.contacts ?? []).map((ct) => ({ id: `c${ct.id}`, at: ct.contactedAt, title: `Contact by ${humanise(ct.channel).toLowerCase()}`, text: ct.note })),
    { id: 'opened', at: c.openedAt, title: 'Case opened', by: c.ownerAgency.name, text: '' },
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  return (
    <>
      <h2 className="govuk-heading-m">Timeline</h2>
      {c.redactedFields.includes('contacts') && <p className="govuk-body">Contacts with the reporter: Withheld</p>}
      <div className="moj-timeline">
        {entries.map((e) => (
          <div className="moj-timeline__item" key={e.id}>
            <div className="moj-timeline__header">
              <h3 className="moj-timeline__title">{e.title}</h3>
              {e.by && <p className="moj-timeline__byline">by {e.by}</p>}
            </div>
            <p className="moj-timeline__date">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </p>
            {e.text && <div className="moj-timeline__description">{e.text}</div>}
          </div>
        ))}
      </div>
    </>
  );
}
