import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { PartyRole, TenancyType, UpdatePartyInput } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { formatDate, humanise } from '../../format';
import { ErrorSummary, NotificationBanner, SummaryList, Tag, type FieldError } from '../../ui/govuk';
import { Link } from '../../router';
import { LikelyMatches } from '../people/LikelyMatches';
import type { CaseData } from './CasePage';
import { CaseDetail } from './queries';
import { shown } from './fields';
import {
  PARTY_LABELS,
  PartyFields,
  TenancyFields,
  aliasList,
  arrearsValue,
  emptyParty,
  partyFieldId,
  partyProblems,
  tenancyProblems,
  toPartyInput,
  type PartyDraft,
  type TenancyDraft,
} from './PartyFields';

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

const AddParty = graphql(`
  mutation AddParty($caseId: ID!, $input: PartyInput!) {
    addParty(caseId: $caseId, input: $input) {
      id
    }
  }
`);

const AddLinkedParty = graphql(`
  mutation AddLinkedParty($caseId: ID!, $input: PartyInput!, $samePersonAs: ID!) {
    addLinkedParty(caseId: $caseId, input: $input, samePersonAs: $samePersonAs) {
      id
    }
  }
`);

// Asked apart from the case page's own query, which keeps its statements as they were.
const CasePeople = graphql(`
  query CasePeople($id: ID!) {
    case(id: $id) {
      id
      parties {
        id
        person {
          id
          caseCount
        }
      }
    }
  }
`);

const UpdateParty = graphql(`
  mutation UpdateParty($id: ID!, $input: UpdatePartyInput!) {
    updateParty(id: $id, input: $input) {
      id
      role
      anonymous
      tenant
      fullName
      aliases
      address
      phone
      dateOfBirth
      tenancyType
      rentArrears
      tenancyBreaches
      redactedFields
    }
  }
`);

type Party = CaseData['parties'][number];

export function PartiesTab({ c }: { c: CaseData }) {
  const [changing, setChanging] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const tenancy = c.viewerCan.editPartyTenancy;
  const { data: people } = useQuery(CasePeople, { variables: { id: c.id }, fetchPolicy: 'cache-and-network' });
  const personOf = (partyId: string) => people?.case?.parties.find((p) => p.id === partyId)?.person ?? null;
  return (
    <>
      <h2 className="govuk-heading-m">Parties</h2>
      {changed && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">The details of {changed} were saved.</p>
        </NotificationBanner>
      )}
      {c.parties.length === 0 && <p className="govuk-body">No people are recorded on this case.</p>}
      {c.parties.map((p, i) => {
        const r = p.redactedFields;
        const title = `${humanise(p.role)} ${i + 1}`;
        const canChange =
          c.viewerCan.editPartyIdentifiers ||
          (tenancy && !['tenancyType', 'rentArrears', 'tenancyBreaches'].some((f) => r.includes(f)));
        return (
          <div className="govuk-summary-card" key={p.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">
                {title}
                {p.anonymous && (
                  <>
                    {' '}
                    <Tag colour="purple">Anonymous</Tag>
                  </>
                )}
              </h3>
              {canChange && changing !== p.id && (
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <button
                      type="button"
                      className="govuk-link app-link-button"
                      onClick={() => {
                        setChanged(null);
                        setChanging(p.id);
                      }}
                    >
                      Change<span className="govuk-visually-hidden"> details of {title}</span>
                    </button>
                  </li>
                </ul>
              )}
            </div>
            <div className="govuk-summary-card__content">
              {changing === p.id ? (
                <ChangePartyForm
                  c={c}
                  party={p}
                  title={title}
                  identifiers={c.viewerCan.editPartyIdentifiers}
                  tenancy={tenancy}
                  onDone={(saved) => {
                    setChanging(null);
                    if (saved) setChanged(title);
                  }}
                />
              ) : (
                <SummaryList
                  rows={[
                    { key: 'Role', value: humanise(p.role) },
                    { key: 'Full name', value: shown(r, 'fullName', p.fullName) },
                    { key: 'Other names', value: shown(r, 'aliases', p.aliases?.join(', ') || null) },
                    { key: 'Address', value: shown(r, 'address', p.address) },
                    { key: 'Phone', value: shown(r, 'phone', p.phone) },
                    {
                      key: 'Date of birth',
                      value: shown(r, 'dateOfBirth', p.dateOfBirth && formatDate(p.dateOfBirth)),
                    },
                    { key: 'Tenant of the owner landlord', value: p.tenant ? 'Yes' : 'No' },
                    { key: 'Tenancy type', value: shown(r, 'tenancyType', p.tenancyType && humanise(p.tenancyType)) },
                    {
                      key: 'Rent arrears',
                      value: shown(
                        r,
                        'rentArrears',
                        p.rentArrears === null || p.rentArrears === undefined ? null : money.format(p.rentArrears),
                      ),
                    },
                    {
                      key: 'Breaches of tenancy',
                      value: shown(r, 'tenancyBreaches', p.tenancyBreaches, 'None recorded'),
                    },
                    ...personRow(personOf(p.id)),
                  ]}
                />
              )}
            </div>
          </div>
        );
      })}
      {c.viewerCan.addParty && <AddPartyForm c={c} />}
    </>
  );
}

function personRow(person: { id: string; caseCount: number } | null) {
  if (!person) return [];
  return [
    {
      key: 'Person record',
      value: (
        <Link className="govuk-link" href={`/people/${person.id}`}>
          On {person.caseCount} {person.caseCount === 1 ? 'case' : 'cases'} you can see
        </Link>
      ),
    },
  ];
}

function resolveFor(prefix: string) {
  return (field: string) => {
    const name = field.split('.').pop() ?? field;
    return PARTY_LABELS[name] ? { id: partyFieldId(prefix, name), label: PARTY_LABELS[name] } : undefined;
  };
}

function AddPartyForm({ c }: { c: CaseData }) {
  const prefix = 'add-party';
  const [form, update, reset] = useDraft<PartyDraft>(`case.${c.id}.party.new`, emptyParty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [added, setAdded] = useState(false);
  const [samePersonAs, setSamePersonAs] = useState('');
  const refetch = {
    refetchQueries: [
      { query: CaseDetail, variables: { id: c.id } },
      { query: CasePeople, variables: { id: c.id } },
    ],
    awaitRefetchQueries: true,
  };
  const [add, { loading }] = useMutation(AddParty, refetch);
  const [addLinked, linking] = useMutation(AddLinkedParty, refetch);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const problems = partyProblems(prefix, form);
    setErrors(problems);
    if (problems.length) return;
    try {
      if (samePersonAs) await addLinked({ variables: { caseId: c.id, input: toPartyInput(form), samePersonAs } });
      else await add({ variables: { caseId: c.id, input: toPartyInput(form) } });
      reset();
      setSamePersonAs('');
      setAdded(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, resolveFor(prefix)));
    }
  };

  return (
    <section aria-labelledby="add-party-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="add-party-heading">
        Add a person
      </h2>
      {added && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">The person was added.</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="add-party-heading">
        <PartyFields prefix={prefix} value={form} onChange={update} errors={errors} />
        <LikelyMatches
          id={`${prefix}-same-person`}
          caseId={c.id}
          fullName={form.fullName}
          dateOfBirth={form.dateOfBirth}
          chosen={samePersonAs}
          onChoose={setSamePersonAs}
        />
        <button type="submit" className="govuk-button" disabled={loading || linking.loading} data-module="govuk-button">
          {samePersonAs ? 'Add person and link' : 'Add person'}
        </button>
      </form>
    </section>
  );
}

type ChangeDraft = PartyDraft & TenancyDraft;

function draftOf(p: Party): ChangeDraft {
  return {
    role: p.role,
    fullName: p.fullName ?? '',
    aliases: (p.aliases ?? []).join(', '),
    address: p.address ?? '',
    phone: p.phone ?? '',
    dateOfBirth: p.dateOfBirth ? p.dateOfBirth.slice(0, 10) : '',
    anonymous: p.anonymous,
    tenant: p.tenant,
    tenancyType: p.tenancyType ?? '',
    rentArrears: p.rentArrears === null || p.rentArrears === undefined ? '' : String(p.rentArrears),
    tenancyBreaches: p.tenancyBreaches ?? '',
  };
}

/**
 * One person's details, inline in their card. Only the fields this viewer may write are offered,
 * and only the ones changed are sent; a field the API still refuses is shown as an error on it.
 */
function ChangePartyForm({
  c,
  party,
  title,
  identifiers,
  tenancy,
  onDone,
}: {
  c: CaseData;
  party: Party;
  title: string;
  identifiers: boolean;
  tenancy: boolean;
  onDone: (saved: boolean) => void;
}) {
  const prefix = `party-${party.id}`;
  const headingId = `${prefix}-heading`;
  const original = draftOf(party);
  const [form, update, reset] = useDraft<ChangeDraft>(`case.${c.id}.party.${party.id}`, () => draftOf(party));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [save, { loading }] = useMutation(UpdateParty, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = [
      ...(identifiers ? partyProblems(prefix, form) : []),
      ...(tenancy ? tenancyProblems(prefix, form) : []),
    ];
    setErrors(problems);
    if (problems.length) return;
    const input: UpdatePartyInput = {};
    if (identifiers) {
      if (form.role !== original.role) input.role = form.role as PartyRole;
      for (const f of ['fullName', 'address', 'phone', 'dateOfBirth'] as const)
        if (form[f].trim() !== original[f]) input[f] = form[f].trim() || null;
      const aliases = aliasList(form.aliases);
      if (aliases.join(', ') !== original.aliases) input.aliases = aliases.length ? aliases : null;
      if (form.anonymous !== original.anonymous) input.anonymous = form.anonymous;
      if (form.tenant !== original.tenant) input.tenant = form.tenant;
    }
    if (tenancy) {
      if (form.tenancyType !== original.tenancyType)
        input.tenancyType = (form.tenancyType || null) as TenancyType | null;
      if (arrearsValue(form.rentArrears) !== arrearsValue(original.rentArrears))
        input.rentArrears = arrearsValue(form.rentArrears);
      if (form.tenancyBreaches.trim() !== original.tenancyBreaches)
        input.tenancyBreaches = form.tenancyBreaches.trim() || null;
    }
    if (Object.keys(input).length === 0) {
      reset();
      return onDone(false);
    }
    try {
      await save({ variables: { id: party.id, input } });
      reset();
      onDone(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, resolveFor(prefix)));
    }
  };
  const cancel = () => {
    reset();
    onDone(false);
  };

  return (
    <>
      <h4 className="govuk-heading-s" id={headingId}>
        Change details of {title}
      </h4>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby={headingId}>
        {identifiers && <PartyFields prefix={prefix} value={form} onChange={update} errors={errors} />}
        {tenancy && <TenancyFields prefix={prefix} value={form} onChange={update} errors={errors} />}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
            Save details
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={cancel}
          >
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
