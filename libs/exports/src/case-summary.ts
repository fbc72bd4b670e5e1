import { printedDay, printedSize, printedTime, printedWords, type Section, WITHHELD } from '#libs/documents';

/** The case as the reader may see it, for a court bundle: basics, people, incidents and actions in order. */
export const CASE_SUMMARY = `query CaseSummary($id: ID!) { case(id: $id) {
  id reference category status riskLevel ward openedAt closedAt closeReason access address summary redactedFields
  ownerAgency { name } leadOfficer { displayName }
  parties { role fullName address phone dateOfBirth anonymous redactedFields }
  incidents { occurredAt category description location redactedFields }
  actions { kind legal description dueAt status outcome ownerAgency { name } }
  evidence { fileName mediaType byteSize sha256 uploadedAt }
} }`;

export interface SummaryCase {
  id: string;
  reference: string;
  category: string;
  status: string;
  riskLevel: string;
  ward: string;
  openedAt: string;
  closedAt: string | null;
  closeReason: string | null;
  access: string;
  address: string | null;
  summary: string;
  redactedFields: string[];
  ownerAgency: { name: string };
  leadOfficer: { displayName: string } | null;
  parties: {
    role: string;
    fullName: string | null;
    address: string | null;
    phone: string | null;
    dateOfBirth: string | null;
    anonymous: boolean;
    redactedFields: string[];
  }[];
  incidents: {
    occurredAt: string;
    category: string;
    description: string;
    location: string | null;
    redactedFields: string[];
  }[];
  actions: {
    kind: string;
    legal: boolean;
    description: string;
    dueAt: string | null;
    status: string;
    outcome: string | null;
    ownerAgency: { name: string };
  }[];
  /** Null where the reader's rules withhold the case's evidence. */
  evidence: { fileName: string; mediaType: string; byteSize: number; sha256: string; uploadedAt: string }[] | null;
}

/** A value, or "withheld" when the reader's rules withhold it, or a dash when there is none. */
const shown = (value: string | null, field: string, redacted: string[]) =>
  value ?? (redacted.includes(field) ? WITHHELD : '—');

export function caseSummarySections(c: SummaryCase): Section[] {
  return [
    {
      heading: 'The case',
      rows: [
        ['Reference', c.reference],
        ['Category', printedWords(c.category)],
        ['Status', printedWords(c.status)],
        ['Risk', printedWords(c.riskLevel)],
        ['Ward', c.ward],
        ['Address', shown(c.address, 'address', c.redactedFields)],
        ['Opened', printedTime(c.openedAt)],
        ['Closed', c.closedAt ? `${printedTime(c.closedAt)}${c.closeReason ? ` — ${c.closeReason}` : ''}` : '—'],
        ['Owner agency', c.ownerAgency.name],
        ['Lead officer', c.leadOfficer?.displayName ?? '—'],
        ['Exported with access', printedWords(c.access)],
      ],
      paragraphs: [{ label: 'Summary', text: c.summary }],
      lists: [],
    },
    {
      heading: 'People',
      rows: c.parties.map((p): [string, string] => [
        printedWords(p.role) + (p.anonymous ? ' (anonymous)' : ''),
        [
          shown(p.fullName, 'fullName', p.redactedFields),
          shown(p.address, 'address', p.redactedFields),
          shown(p.phone, 'phone', p.redactedFields),
          p.dateOfBirth
            ? `born ${printedDay(p.dateOfBirth)}`
            : p.redactedFields.includes('dateOfBirth')
              ? 'date of birth withheld'
              : null,
        ]
          .filter((part) => part && part !== '—')
          .join(', ') || '—',
      ]),
      paragraphs: [],
      lists: [],
    },
    {
      heading: `Incidents (${c.incidents.length})`,
      rows: [],
      paragraphs: [],
      lists: [
        {
          label: 'In the order they happened',
          items: c.incidents.map(
            (i) =>
              `${printedTime(i.occurredAt)} — ${printedWords(i.category)}${i.redactedFields.includes('location') ? `, place ${WITHHELD}` : i.location ? `, ${i.location}` : ''}: ${i.description}`,
          ),
        },
      ],
    },
    {
      heading: `Actions and interventions (${c.actions.length})`,
      rows: [],
      paragraphs: [],
      lists: [
        {
          label: 'Legal and non-legal',
          items: c.actions.map(
            (a) =>
              `${printedWords(a.kind)}${a.legal ? ' (legal)' : ''} — ${a.ownerAgency.name}: ${a.description}; ${printedWords(a.status)}${a.dueAt ? `, due ${printedDay(a.dueAt)}` : ''}${a.outcome ? `; outcome: ${a.outcome}` : ''}`,
          ),
        },
      ],
    },
    evidenceSection(c.evidence),
  ];
}

/** The files held, each with the SHA-256 a court can check a copy against; or why none are listed. */
function evidenceSection(evidence: SummaryCase['evidence']): Section {
  if (evidence === null) {
    return {
      heading: 'Evidence',
      rows: [],
      paragraphs: [
        { label: 'Evidence list', text: `${WITHHELD}: your access to this case does not include its evidence` },
      ],
      lists: [],
    };
  }
  if (evidence.length === 0) {
    return {
      heading: 'Evidence (0)',
      rows: [],
      paragraphs: [{ label: 'Evidence list', text: 'No evidence files are held in the portal for this case.' }],
      lists: [],
    };
  }
  return {
    heading: `Evidence (${evidence.length})`,
    rows: [],
    paragraphs: [],
    lists: [
      {
        label: 'Files held in the portal, oldest first, with the SHA-256 of each as received',
        items: evidence.map(
          (e) =>
            `${e.fileName} — ${e.mediaType}, ${printedSize(e.byteSize)}, uploaded ${printedTime(e.uploadedAt)}. SHA-256: ${e.sha256}`,
        ),
      },
    ],
  };
}
