import {
  printableHtml,
  printablePdf,
  printedDay,
  printedTime,
  printedWords,
  type Section,
  WITHHELD,
} from '#libs/documents';

/**
 * The meeting pack: the agenda, each item's case material, research, actions and minutes, as the reader
 * may see them. It is built from one GraphQL query run as the reader (meeting-pack.controller.ts), so it can
 * hold nothing that the reader's own `meeting(id)` would not return; withheld fields are said to be withheld.
 */
export const PACK_QUERY = `query MeetingPack($id: ID!) { meeting(id: $id) {
  id kind title startsAt publishedAt closedAt confidentialityAgreed confidentialityStatement
  chair { displayName } agencies { id name }
  attendance { displayName agencyId status informationSent }
  agenda {
    position reason dashScore concerns minutes referredByAgency { name }
    case { id reference category riskLevel ward summary access redactedFields address
           parties { role fullName dateOfBirth redactedFields } }
    research { agencyId summary }
    actions { description dueAt status ownerAgency { name } }
    actionsNotDone { description dueAt status ownerAgency { name } }
    actionsNoLongerNeeded { description ownerAgency { name } }
  }
} }`;

export const PACK_MARKING =
  'OFFICIAL-SENSITIVE — CONFIDENTIAL MEETING MATERIAL. Not to be shared without the agreement of the agency that provided it.';
const MINUTES_MARKING = 'CONFIDENTIAL — minutes restricted to the meeting’s attendees';

interface PackAction {
  description: string;
  dueAt?: string | null;
  status?: string;
  ownerAgency: { name: string };
}
export interface PackMeeting {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  publishedAt: string | null;
  closedAt: string | null;
  confidentialityAgreed: boolean;
  confidentialityStatement: string;
  chair: { displayName: string };
  agencies: { id: string; name: string }[];
  attendance: { displayName: string; agencyId: string; status: string; informationSent: string | null }[];
  agenda: {
    position: number;
    reason: string;
    dashScore: number | null;
    concerns: string | null;
    minutes: string | null;
    referredByAgency: { name: string };
    case: {
      id: string;
      reference: string;
      category: string;
      riskLevel: string;
      ward: string;
      summary: string;
      access: string;
      redactedFields: string[];
      address: string | null;
      parties: { role: string; fullName: string | null; dateOfBirth: string | null; redactedFields: string[] }[];
    } | null;
    research: { agencyId: string; summary: string }[] | null;
    actions: PackAction[] | null;
    actionsNotDone: PackAction[] | null;
    actionsNoLongerNeeded: PackAction[] | null;
  }[];
}

const date = (iso: string | null | undefined) => printedTime(iso, 'long');
const LABELS: Record<string, string> = {
  DASH_THRESHOLD: 'DASH score of 14 or more',
  PROFESSIONAL_JUDGEMENT: 'Professional judgement',
  ESCALATION: 'Escalation: 3 or more incidents in 12 months',
  REPEAT_REFERRAL: 'Repeat referral within 12 months',
  OWNER: 'Your agency owns the case',
  FULL: 'Full share',
  LIMITED: 'Limited: no personal identifiers',
  MARAC: 'MARAC',
  ASB_PANEL: 'ASB panel',
  CASE_REVIEW: 'ASB Case Review',
};
const label = (value: string) => LABELS[value] ?? printedWords(value);

function sections(meeting: PackMeeting): Section[] {
  const agencyName = new Map(meeting.agencies.map((a) => [a.id, a.name]));
  const action = (a: PackAction) =>
    `${a.ownerAgency.name}: ${a.description}${a.dueAt ? ` (due ${printedDay(a.dueAt)})` : ''}${a.status ? ` — ${printedWords(a.status)}` : ''}`;
  const overview: Section = {
    heading: `${meeting.title}`,
    rows: [
      ['Meeting', label(meeting.kind)],
      ['Starts', date(meeting.startsAt)],
      ['Chair', meeting.chair.displayName],
      ['Agenda published', date(meeting.publishedAt)],
      ['Attending agencies', meeting.agencies.map((a) => a.name).join(', ')],
    ],
    paragraphs: [{ label: 'Confidentiality statement', text: meeting.confidentialityStatement }],
    lists: [
      {
        label: 'Attendance',
        items: meeting.attendance.length
          ? meeting.attendance.map(
              (a) =>
                `${a.displayName} (${agencyName.get(a.agencyId) ?? 'agency'}): ${printedWords(a.status)}${a.informationSent ? ` — sent: ${a.informationSent}` : ''}`,
            )
          : ['Not recorded yet'],
      },
    ],
  };
  const items = meeting.agenda.map((item): Section => {
    const kase = item.case;
    const material = kase !== null;
    const rows: [string, string][] = [
      ['Reason for referral', label(item.reason)],
      ['DASH score', item.dashScore === null ? '—' : String(item.dashScore)],
      ['Referred by', item.referredByAgency.name],
    ];
    if (kase) {
      rows.push(
        [
          'Case',
          `${kase.reference} (${printedWords(kase.category)}, ${kase.riskLevel.toLowerCase()} risk, ${kase.ward})`,
        ],
        ['Your access', label(kase.access)],
        ['Address', kase.address ?? WITHHELD],
      );
      for (const party of kase.parties) {
        rows.push([
          printedWords(party.role),
          `${party.fullName ?? WITHHELD}${party.dateOfBirth ? `, born ${printedDay(party.dateOfBirth)}` : party.redactedFields.includes('dateOfBirth') ? ', date of birth withheld' : ''}`,
        ]);
      }
    }
    return {
      heading: `Item ${item.position}${kase ? `: ${kase.reference}` : ''}`,
      rows,
      paragraphs: material
        ? [
            { label: 'Summary', text: kase.summary },
            ...(item.concerns ? [{ label: 'Concerns', text: item.concerns }] : []),
            ...(item.minutes ? [{ label: 'Minutes', text: item.minutes, marking: MINUTES_MARKING }] : []),
          ]
        : [
            {
              label: 'Case material',
              text: 'Not in your pack: agree the confidentiality statement in the portal while the material is open.',
            },
          ],
      lists: material
        ? [
            {
              label: 'Research',
              items: (item.research ?? []).map((r) => `${agencyName.get(r.agencyId) ?? 'Agency'}: ${r.summary}`),
            },
            { label: 'Actions agreed', items: (item.actions ?? []).map(action) },
            { label: 'Earlier actions not done', items: (item.actionsNotDone ?? []).map(action) },
            { label: 'Earlier actions no longer needed', items: (item.actionsNoLongerNeeded ?? []).map(action) },
          ].filter((list) => list.items.length > 0)
        : [],
    };
  });
  return [overview, ...items];
}

/** A self-contained page with print CSS: the marking repeats on every printed page. */
export function packHtml(meeting: PackMeeting): string {
  return printableHtml(`${meeting.title}: meeting pack`, sections(meeting), PACK_MARKING);
}

/** The same pack as a PDF, the marking in the header and footer of every page. */
export function packPdf(meeting: PackMeeting): Promise<Buffer> {
  return printablePdf(`${meeting.title}: meeting pack`, sections(meeting), PACK_MARKING);
}
