import { printedDay, printedSize, printedTime, printedWords, type Section } from '#libs/documents';
import { isReporter, REDACTED, thirdParty, thirdPartyMatcher } from './subject-access.rules.js';

/** One case as its owner agency's manager reads it, for a subject access export. */
export const SUBJECT_CASE = `query SubjectAccessCase($id: ID!) { case(id: $id) {
  id reference category status riskLevel ward openedAt closedAt closeReason address summary
  ownerAgency { id name } leadOfficer { displayName agency { id name } }
  parties { id role fullName address phone dateOfBirth anonymous tenant tenancyType rentArrears tenancyBreaches }
  incidents { occurredAt loggedAt category description location loggedBy { displayName } loggedByAgency { id name } }
  contacts { contactedAt channel note }
  actions { kind legal description dueAt status outcome completedAt ownerAgency { id name } }
  dashAssessments { assessedAt score highRisk judgedHighRisk concerns answers { question answer note } }
  asbRiskAssessments { assessedAt riskLevel score likelihood impact judgedHighRisk vulnerabilities concerns }
  evidence { fileName mediaType byteSize uploadedAt description uploadedByAgency { id name } }
  satisfaction { createdAt answeredAt serviceScore outcomeScore comment }
} }`;

/** The case's trail, a page at a time: the views and exports of it are the subject's "who has seen my record". */
export const SUBJECT_CASE_TRAIL = `query SubjectAccessTrail($id: ID!, $after: String) {
  caseAuditTrail(caseId: $id, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { at action actor { displayName agency { id name } } } }
  }
}`;

/** The trail's events that are someone reading or taking away the record. */
export const VIEW_ACTIONS = new Set(['CASE_VIEWED', 'CASE_EXPORTED', 'EVIDENCE_DOWNLOADED']);

interface AgencyRef {
  id: string;
  name: string;
}

export interface HeldParty {
  id: string;
  role: string;
  fullName: string | null;
  address: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  anonymous: boolean;
  tenant: boolean;
  tenancyType: string | null;
  rentArrears: number | null;
  tenancyBreaches: string | null;
}

export interface HeldCase {
  id: string;
  reference: string;
  category: string;
  status: string;
  riskLevel: string;
  ward: string;
  openedAt: string;
  closedAt: string | null;
  closeReason: string | null;
  address: string | null;
  summary: string;
  ownerAgency: AgencyRef;
  leadOfficer: { displayName: string; agency: AgencyRef } | null;
  parties: HeldParty[];
  incidents: {
    occurredAt: string;
    loggedAt: string;
    category: string;
    description: string;
    location: string | null;
    loggedBy: { displayName: string };
    loggedByAgency: AgencyRef;
  }[];
  contacts: { contactedAt: string; channel: string; note: string }[] | null;
  actions: {
    kind: string;
    legal: boolean;
    description: string;
    dueAt: string | null;
    status: string;
    outcome: string | null;
    completedAt: string | null;
    ownerAgency: AgencyRef;
  }[];
  dashAssessments:
    | {
        assessedAt: string;
        score: number;
        highRisk: boolean;
        judgedHighRisk: boolean;
        concerns: string | null;
        answers: { question: number; answer: string; note: string | null }[];
      }[]
    | null;
  asbRiskAssessments:
    | {
        assessedAt: string;
        riskLevel: string;
        score: number;
        likelihood: number;
        impact: number;
        judgedHighRisk: boolean;
        vulnerabilities: string[];
        concerns: string | null;
      }[]
    | null;
  evidence:
    | {
        fileName: string;
        mediaType: string;
        byteSize: number;
        uploadedAt: string;
        description: string | null;
        uploadedByAgency: AgencyRef;
      }[]
    | null;
  satisfaction: {
    createdAt: string;
    answeredAt: string | null;
    serviceScore: number | null;
    outcomeScore: number | null;
    comment: string | null;
  }[];
}

export interface TrailView {
  at: string;
  action: string;
  actor: { displayName: string; agency: AgencyRef };
}

/** What the export is about: the request, the agency answering it, and the subject's parties by id. */
export interface ExportBasis {
  request: { id: string; reference: string; receivedAt: string; dueAt: string; requester: string | null };
  agency: AgencyRef;
  exportedAt: string;
  subjectPartyIds: ReadonlySet<string>;
}

/** Why reporter material is left out where the subject is not the reporter; said in the file, so it is not a silent gap. */
const NOT_THEIRS = 'withheld: recorded about the reporter on this case, who is another person';

/**
 * The subject access record (docs/subject-access.md): the subject's own parties whole, everyone else on their
 * cases as "[Third party: <role>]", any free text naming a third party replaced by "[redacted]", and other
 * agencies' staff by agency only (their names are that agency's to disclose, and their safety its to judge).
 */
export function subjectAccessRecord(basis: ExportBasis, cases: { held: HeldCase; views: TrailView[] }[]) {
  const subjectParties = cases.flatMap(({ held }) => held.parties.filter((p) => basis.subjectPartyIds.has(p.id)));
  const others = cases.flatMap(({ held }) => held.parties.filter((p) => !basis.subjectPartyIds.has(p.id)));
  const clean = thirdPartyMatcher(subjectParties, others);
  const ownAddresses = new Set(subjectParties.map((p) => p.address?.trim().toLowerCase()).filter(Boolean));
  const staff = (name: string, agency: AgencyRef) =>
    agency.id === basis.agency.id ? name : `A member of staff at ${agency.name}`;
  return {
    format: 'subject-access/1',
    request: {
      id: basis.request.id,
      reference: basis.request.reference,
      receivedAt: basis.request.receivedAt,
      dueAt: basis.request.dueAt,
      requester: basis.request.requester,
      answeredBy: basis.agency.name,
      exportedAt: basis.exportedAt,
    },
    subject: {
      records: cases.flatMap(({ held }) =>
        held.parties
          .filter((p) => basis.subjectPartyIds.has(p.id))
          .map((p) => ({
            caseReference: held.reference,
            role: p.role,
            fullName: p.fullName,
            address: p.address,
            phone: p.phone,
            dateOfBirth: p.dateOfBirth,
            anonymous: p.anonymous,
            tenant: p.tenant,
            tenancyType: p.tenancyType,
            rentArrears: p.rentArrears,
            tenancyBreaches: p.tenancyBreaches,
          })),
      ),
    },
    cases: cases.map(({ held, views }) => {
      const roles = held.parties.filter((p) => basis.subjectPartyIds.has(p.id)).map((p) => p.role);
      const reporter = isReporter(roles);
      // Where a domestic-abuse victim is, is never told to anyone else on the case, however the place is written.
      const hidesVictimLocation = held.category === 'DOMESTIC_ABUSE' && !roles.includes('VICTIM');
      const place = (text: string | null) =>
        text && ownAddresses.has(text.trim().toLowerCase())
          ? text
          : hidesVictimLocation && text
            ? REDACTED
            : clean(text);
      return {
        reference: held.reference,
        category: held.category,
        status: held.status,
        riskLevel: held.riskLevel,
        ward: held.ward,
        address: place(held.address),
        summary: clean(held.summary),
        openedAt: held.openedAt,
        closedAt: held.closedAt,
        closeReason: clean(held.closeReason),
        ownerAgency: held.ownerAgency.name,
        leadOfficer: held.leadOfficer ? staff(held.leadOfficer.displayName, held.leadOfficer.agency) : null,
        subjectRoles: roles,
        otherPeople: held.parties.filter((p) => !basis.subjectPartyIds.has(p.id)).map((p) => thirdParty(p.role)),
        incidents: held.incidents.map((i) => ({
          occurredAt: i.occurredAt,
          loggedAt: i.loggedAt,
          category: i.category,
          description: clean(i.description),
          location: place(i.location),
          loggedBy: staff(i.loggedBy.displayName, i.loggedByAgency),
          agency: i.loggedByAgency.name,
        })),
        contacts: reporter
          ? (held.contacts ?? []).map((c) => ({ contactedAt: c.contactedAt, channel: c.channel, note: clean(c.note) }))
          : NOT_THEIRS,
        actions: held.actions.map((a) => ({
          kind: a.kind,
          legal: a.legal,
          description: clean(a.description),
          dueAt: a.dueAt,
          status: a.status,
          outcome: clean(a.outcome),
          completedAt: a.completedAt,
          agency: a.ownerAgency.name,
        })),
        assessments: {
          dash: reporter
            ? (held.dashAssessments ?? []).map((d) => ({
                assessedAt: d.assessedAt,
                score: d.score,
                highRisk: d.highRisk,
                judgedHighRisk: d.judgedHighRisk,
                concerns: clean(d.concerns),
                answers: d.answers.map((a) => ({ question: a.question, answer: a.answer, note: clean(a.note) })),
              }))
            : NOT_THEIRS,
          asbRisk: reporter
            ? (held.asbRiskAssessments ?? []).map((r) => ({ ...r, concerns: clean(r.concerns) }))
            : NOT_THEIRS,
        },
        evidence: (held.evidence ?? []).map((e) => ({
          fileName: clean(e.fileName),
          mediaType: e.mediaType,
          byteSize: e.byteSize,
          uploadedAt: e.uploadedAt,
          description: clean(e.description),
          agency: e.uploadedByAgency.name,
        })),
        satisfaction: reporter
          ? held.satisfaction.map((s) => ({
              sentAt: s.createdAt,
              answeredAt: s.answeredAt,
              serviceScore: s.serviceScore,
              outcomeScore: s.outcomeScore,
              comment: clean(s.comment),
            }))
          : NOT_THEIRS,
        views: views
          .filter((v) => VIEW_ACTIONS.has(v.action))
          .map((v) => ({
            at: v.at,
            action: v.action,
            by: staff(v.actor.displayName, v.actor.agency),
            agency: v.actor.agency.name,
          })),
      };
    }),
    redaction: {
      thirdParties: `Other people on these cases appear as "[Third party: <role>]"; text naming any of them is replaced by "${REDACTED}".`,
      staff: `Staff of ${basis.agency.name} are named; staff of other agencies appear by agency only.`,
    },
  };
}

export type SubjectAccessRecord = ReturnType<typeof subjectAccessRecord>;

const dash = (value: string | null | undefined) => value ?? '—';
const listed = <T>(items: T[] | string, item: (value: T) => string): string[] =>
  typeof items === 'string' ? [`(${items})`] : items.length ? items.map(item) : ['None recorded'];

/** The same record as printable sections, for the PDF. */
export function subjectAccessSections(record: SubjectAccessRecord): Section[] {
  const r = record.request;
  const head: Section = {
    heading: 'The request',
    rows: [
      ['Reference', r.reference],
      ['Received', printedDay(r.receivedAt)],
      ['Due', printedDay(r.dueAt)],
      ['Requester', dash(r.requester)],
      ['Answered by', r.answeredBy],
      ['Exported', printedTime(r.exportedAt)],
    ],
    paragraphs: [
      { label: 'Other people', text: record.redaction.thirdParties },
      { label: 'Staff', text: record.redaction.staff },
    ],
    lists: [
      {
        label: 'The records held about you',
        items: record.subject.records.map((p) =>
          [
            `${p.caseReference}: ${printedWords(p.role)}${p.anonymous ? ' (asked not to be named to partners)' : ''}`,
            p.fullName,
            p.address,
            p.phone,
            p.dateOfBirth ? `born ${printedDay(p.dateOfBirth)}` : null,
            p.tenant ? `tenant${p.tenancyType ? ` (${printedWords(p.tenancyType)})` : ''}` : null,
            p.rentArrears !== null ? `rent arrears £${p.rentArrears.toFixed(2)}` : null,
            p.tenancyBreaches ? `tenancy breaches: ${p.tenancyBreaches}` : null,
          ]
            .filter(Boolean)
            .join(', '),
        ),
      },
    ],
  };
  return [
    head,
    ...record.cases.map((c): Section => ({
      heading: `Case ${c.reference}`,
      rows: [
        ['Category', printedWords(c.category)],
        ['Status', printedWords(c.status)],
        ['Risk', printedWords(c.riskLevel)],
        ['Ward', c.ward],
        ['Address', dash(c.address)],
        ['Opened', printedTime(c.openedAt)],
        ['Closed', c.closedAt ? `${printedTime(c.closedAt)}${c.closeReason ? ` — ${c.closeReason}` : ''}` : '—'],
        ['Owner agency', c.ownerAgency],
        ['Lead officer', dash(c.leadOfficer)],
        ['Your role', c.subjectRoles.map(printedWords).join(', ')],
        ['Other people', c.otherPeople.join(', ') || '—'],
      ],
      paragraphs: [{ label: 'Summary', text: c.summary }],
      lists: [
        {
          label: `Incidents (${c.incidents.length})`,
          items: listed(
            c.incidents,
            (i) =>
              `${printedTime(i.occurredAt)} — ${printedWords(i.category)}${i.location ? `, ${i.location}` : ''}: ${i.description} (logged by ${i.loggedBy}, ${i.agency})`,
          ),
        },
        {
          label: 'Contacts with you',
          items: listed(c.contacts, (x) => `${printedTime(x.contactedAt)} — ${printedWords(x.channel)}: ${x.note}`),
        },
        {
          label: `Actions (${c.actions.length})`,
          items: listed(
            c.actions,
            (a) =>
              `${printedWords(a.kind)}${a.legal ? ' (legal)' : ''} — ${a.agency}: ${a.description}; ${printedWords(a.status)}${a.dueAt ? `, due ${printedDay(a.dueAt)}` : ''}${a.outcome ? `; outcome: ${a.outcome}` : ''}`,
          ),
        },
        {
          label: 'DASH risk assessments',
          items: listed(
            c.assessments.dash,
            (d) =>
              `${printedTime(d.assessedAt)} — score ${d.score}${d.highRisk ? ', high risk' : ''}${d.concerns ? `; concerns: ${d.concerns}` : ''}; answers: ${d.answers.map((a) => `${a.question} ${printedWords(a.answer)}${a.note ? ` (${a.note})` : ''}`).join('; ')}`,
          ),
        },
        {
          label: 'ASB risk assessments',
          items: listed(
            c.assessments.asbRisk,
            (a) =>
              `${printedTime(a.assessedAt)} — ${printedWords(a.riskLevel)} (score ${a.score}: likelihood ${a.likelihood}, impact ${a.impact})${a.vulnerabilities.length ? `; vulnerabilities: ${a.vulnerabilities.map(printedWords).join(', ')}` : ''}${a.concerns ? `; concerns: ${a.concerns}` : ''}`,
          ),
        },
        {
          label: 'Evidence held (a list; the files themselves are not part of this export)',
          items: listed(
            c.evidence,
            (e) =>
              `${e.fileName} — ${e.mediaType}, ${printedSize(e.byteSize)}, uploaded ${printedTime(e.uploadedAt)} by ${e.agency}${e.description ? `: ${e.description}` : ''}`,
          ),
        },
        {
          label: 'Satisfaction surveys',
          items: listed(
            c.satisfaction,
            (s) =>
              `Sent ${printedTime(s.sentAt)}${s.answeredAt ? `, answered ${printedTime(s.answeredAt)}: service ${s.serviceScore ?? '—'}, outcome ${s.outcomeScore ?? '—'}${s.comment ? `; “${s.comment}”` : ''}` : ', not answered'}`,
          ),
        },
        {
          label: 'Who has viewed or exported this record',
          items: listed(
            c.views,
            (v) =>
              `${printedTime(v.at)} — ${v.by}, ${v.agency} (${v.action === 'CASE_VIEWED' ? 'viewed' : v.action === 'CASE_EXPORTED' ? 'exported' : 'downloaded evidence'})`,
          ),
        },
      ],
    })),
  ];
}
