import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ContactChannel } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { CONTACT_CHANNELS, formatDateTime, humanise, options } from '../../format';
import { ErrorSummary, NotificationBanner, Select, Table, TextInput, Textarea, type FieldError } from '../../ui/govuk';
import type { CaseData } from './CasePage';
import { CaseDetail } from './queries';

const RecordContact = graphql(`
  mutation RecordContact($caseId: ID!, $input: ContactInput!) {
    recordContact(caseId: $caseId, input: $input) {
      id
    }
  }
`);

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
    ...c.incidents.map((i) => ({
      id: `i${i.id}`,
      at: i.occurredAt,
      title: `Incident: ${humanise(i.category)}`,
      by: i.loggedByAgency.name,
      text: i.description,
    })),
    ...c.actions.map((a) => ({
      id: `a${a.id}`,
      at: a.createdAt,
      title: `Action: ${humanise(a.kind)} (${humanise(a.status)})`,
      by: a.ownerAgency.name,
      text: a.description,
    })),
    ...(c.contacts ?? []).map((ct) => ({
      id: `c${ct.id}`,
      at: ct.contactedAt,
      title: `Contact by ${humanise(ct.channel).toLowerCase()}`,
      text: ct.note,
    })),
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
      <Contacts c={c} />
    </>
  );
}

/** Contacts with the reporter: read by the owner and by agencies holding the case in full; recorded by the owner. */
function Contacts({ c }: { c: CaseData }) {
  const contacts = c.contacts ?? [];
  // When withheld, the line at the top of the timeline already says so.
  if (c.redactedFields.includes('contacts')) return null;
  return (
    <section aria-labelledby="contacts-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="contacts-heading">
        Contacts with the reporter
      </h2>
      {contacts.length === 0 ? (
        <p className="govuk-body">No contacts have been recorded.</p>
      ) : (
        <Table
          caption={`${contacts.length} ${contacts.length === 1 ? 'contact' : 'contacts'}, newest first`}
          captionClass="govuk-table__caption--s"
          head={['When', 'How', 'Note']}
          rows={[...contacts].sort((a, b) => Date.parse(b.contactedAt) - Date.parse(a.contactedAt))}
          rowKey={(ct) => ct.id}
          cells={(ct) => [formatDateTime(ct.contactedAt), humanise(ct.channel), ct.note]}
        />
      )}
      {c.viewerCan.recordContact && <RecordContactForm c={c} />}
    </section>
  );
}

interface ContactDraft {
  contactedAt: string;
  channel: string;
  note: string;
}

const CONTACT_FIELDS: Record<string, { id: string; label: string }> = {
  contactedAt: { id: 'contact-when', label: 'When' },
  channel: { id: 'contact-how', label: 'How' },
  note: { id: 'contact-note', label: 'Note' },
};

function RecordContactForm({ c }: { c: CaseData }) {
  const [form, update, reset] = useDraft<ContactDraft>(`case.${c.id}.contact`, () => ({
    contactedAt: '',
    channel: '',
    note: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [recorded, setRecorded] = useState(false);
  const [record, { loading }] = useMutation(RecordContact, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRecorded(false);
    const problems: FieldError[] = [];
    const when = form.contactedAt ? new Date(form.contactedAt) : null;
    if (!when || Number.isNaN(when.getTime()))
      problems.push({ text: 'Enter when the contact happened', href: 'contact-when' });
    else if (when.getTime() > Date.now())
      problems.push({ text: 'When the contact happened must be in the past', href: 'contact-when' });
    if (!form.channel) problems.push({ text: 'Select how the contact happened', href: 'contact-how' });
    if (!form.note.trim()) problems.push({ text: 'Enter a note about the contact', href: 'contact-note' });
    setErrors(problems);
    if (problems.length || !when) return;
    try {
      await record({
        variables: {
          caseId: c.id,
          input: { contactedAt: when.toISOString(), channel: form.channel as ContactChannel, note: form.note.trim() },
        },
      });
      reset();
      setRecorded(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => CONTACT_FIELDS[f]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <>
      <h3 className="govuk-heading-s" id="record-contact-heading">
        Record a contact
      </h3>
      {recorded && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">The contact was recorded.</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="record-contact-heading">
        <TextInput
          id="contact-when"
          label="When"
          type="datetime-local"
          inputClass="govuk-input--width-20"
          value={form.contactedAt}
          onChange={(contactedAt) => update({ contactedAt })}
          error={err('contact-when')}
        />
        <Select
          id="contact-how"
          label="How"
          value={form.channel}
          onChange={(channel) => update({ channel })}
          error={err('contact-how')}
          options={[{ value: '', text: 'Select how' }, ...options(CONTACT_CHANNELS)]}
        />
        <Textarea
          id="contact-note"
          label="Note"
          value={form.note}
          onChange={(note) => update({ note })}
          error={err('contact-note')}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Record contact
        </button>
      </form>
    </>
  );
}
