import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ActionKind, AgencyKind, CaseCategory, LEGAL_ACTION_KINDS, Role, DAY_MS } from '#libs/common';
import { DEMO_PASSWORD } from '#libs/config';
import { seedDemoTransfers } from './demo-transfers.js';
import { ADMINISTRATION_AGENCY, hashPassword } from '#libs/users';
import { seedDemoLetters } from './demo-letters.js';
import { seedDemoFigures } from './demo-figures.js';
import { DEMO_CASE_REVIEW_SPOC, seedDemoCaseReview } from './demo-case-review.js';

export { DEMO_PASSWORD };

/**
 * A fictional partnership in the invented town of Riverside, so the portal can be explored out of the box:
 * six partner agencies with a user per casework role, about fifty cases of every type with their parties,
 * incidents, actions, contacts and shares. Every person, street and ward is invented; phone numbers come
 * from Ofcom's range reserved for drama (07700 900xxx).
 */

export interface DemoSignIn {
  email: string;
  displayName: string;
  agency: string;
  agencyKind: string;
  roles: string[];
}

export interface DemoPartnership {
  loaded: boolean;
  /** The published password of every demo sign-in but the administrator's. */
  password: string;
  /** The caseworkers, managers and chairs, who sign in with `password`. */
  signIns: DemoSignIn[];
  /**
   * The demo administrator, whose password is never published: one is generated when this run creates the
   * account, and is `null` when the account was already there (it is shown once, like Grafana's and Jenkins').
   */
  administrator: { email: string; password: string | null };
}

type AgencyKey = 'homes' | 'police' | 'asb' | 'envhealth' | 'idva' | 'cmht';
type Access = 'FULL' | 'LIMITED';

/** `people` are the agency's demo users, one per entry of STAFF_ROLES, in that order. */
const AGENCIES: Record<AgencyKey, { name: string; kind: AgencyKind; domain: string; people: readonly string[] }> = {
  homes: {
    name: 'Riverside Homes',
    kind: AgencyKind.LANDLORD,
    domain: 'riverside-homes.example',
    people: ['Megan Ashworth', 'Daniel Okoro', 'Ruth Penhaligon', 'Imran Qadir'],
  },
  police: {
    name: 'Riverside Police – Neighbourhood Policing',
    kind: AgencyKind.POLICE,
    domain: 'riverside-police.example',
    people: ['PC Tom Ellery', 'Insp. Grace Mbeki', 'DI Helen Varley', 'Sam Whitford'],
  },
  asb: {
    name: 'Riverside Council ASB Unit',
    kind: AgencyKind.COUNCIL,
    domain: 'riverside-asb.example',
    people: ['Chloe Haddad', 'Martin Greaves', 'Ayesha Bello', 'Owen Trask'],
  },
  envhealth: {
    name: 'Riverside Council Environmental Health',
    kind: AgencyKind.COUNCIL,
    domain: 'riverside-envhealth.example',
    people: ['Lewis Carrow', 'Fiona Marchetti', 'Gareth Lund', 'Nadia Petrova'],
  },
  idva: {
    name: 'Riverside IDVA Service',
    kind: AgencyKind.SUPPORT,
    domain: 'riverside-idva.example',
    people: ['Jess Adeyemi', 'Claire Fontaine', 'Rosa Delgado', 'Beth Kimura'],
  },
  cmht: {
    name: 'Riverside Community Mental Health Team',
    kind: AgencyKind.HEALTH,
    domain: 'riverside-cmht.example',
    people: ['Aaron Pryce', 'Dr Sunita Rao', 'Kieran Doyle', 'Laura Benn'],
  },
};
const AGENCY_KEYS = Object.keys(AGENCIES) as AgencyKey[];

const STAFF_ROLES: readonly (readonly [Role, string])[] = [
  [Role.CASEWORKER, 'caseworker'],
  [Role.MANAGER, 'manager'],
  [Role.MARAC_CHAIR, 'marac-chair'],
  [Role.MARAC_COORDINATOR, 'marac-coordinator'],
];
const DEMO_ADMIN = { email: 'admin@riverside-partnership.example', displayName: 'Alex Morrow' };

function demoStaff(): DemoSignIn[] {
  return AGENCY_KEYS.flatMap((key) =>
    STAFF_ROLES.map(([role, local], i) => ({
      email: `${local}@${AGENCIES[key].domain}`,
      displayName: AGENCIES[key].people[i],
      agency: AGENCIES[key].name,
      agencyKind: AGENCIES[key].kind,
      roles: [role],
    })),
  );
}

const WARDS: Record<string, readonly string[]> = {
  'Alder Vale': ['Alder Court', 'Hazel Road', 'Rowan Walk'],
  Kingsmead: ['Kingsmead Tower', 'Fairfield Walk', 'Cooper Street'],
  Millbrook: ['Millbrook Lane', 'Weir View', 'Tanners Row'],
  Northgate: ['Northgate House', 'Chapel Street', 'Ropewalk Close'],
  "St Bede's": ["St Bede's Road", 'Priory Gardens', 'Cloister Way'],
  Southbank: ['Wharf Street', 'Lock Keepers Court', 'Barge Lane'],
  'Weavers Green': ['Loom Street', 'Shuttle Close', 'Weavers Parade'],
  Thornfield: ['Thornfield Crescent', 'Bramble Rise', 'Hawthorn Avenue'],
};

const C = CaseCategory;
const RISK = { S: 'STANDARD', M: 'MEDIUM', H: 'HIGH' } as const;

/** category, owner, ward, risk, summary and, where the category's stock incidents would not fit, the case's own. */
type CaseRow = readonly [CaseCategory, AgencyKey, string, keyof typeof RISK, string, (readonly string[])?];
const CASES: readonly CaseRow[] = [
  [
    C.NOISE,
    'homes',
    'Alder Vale',
    'S',
    'Loud music and parties most weekends from a first-floor flat; the household below reports broken sleep.',
  ],
  [
    C.NOISE,
    'homes',
    'Kingsmead',
    'M',
    'Banging, shouting and a dog barking late at night from a tower-block flat; several neighbours complain.',
  ],
  [
    C.NOISE,
    'asb',
    'Weavers Green',
    'S',
    'Amplified music from a back garden on summer evenings; neighbours on both sides affected.',
  ],
  [
    C.NOISE,
    'envhealth',
    'Southbank',
    'S',
    'Takeaway extractor fan and late deliveries disturbing the flats above; statutory nuisance being assessed.',
  ],
  [
    C.NOISE,
    'homes',
    'Thornfield',
    'S',
    'Washing machine and TV through a party wall in the early hours; possibly a lifestyle clash.',
  ],
  [
    C.HARASSMENT,
    'homes',
    'Northgate',
    'M',
    'Neighbour dispute escalated to verbal abuse and threats on the landing; complainant afraid to go out.',
  ],
  [
    C.HARASSMENT,
    'asb',
    'Millbrook',
    'M',
    'Group of adults repeatedly intimidating an older resident at the bus stop and outside her home.',
  ],
  [
    C.HARASSMENT,
    'homes',
    "St Bede's",
    'H',
    'Sustained campaign of abusive notes and filming of a family by a neighbour; the children are affected.',
  ],
  [
    C.HARASSMENT,
    'asb',
    'Kingsmead',
    'S',
    'Abusive messages and shouting between two households after a disagreement over parking.',
  ],
  [
    C.DRUGS,
    'homes',
    'Kingsmead',
    'H',
    "Suspected cuckooing of a vulnerable tenant's flat; visitors at all hours and paraphernalia in the stairwell.",
  ],
  [
    C.DRUGS,
    'police',
    'Southbank',
    'H',
    'Suspected street dealing from a parked car and the alley behind Wharf Street; linked to county lines.',
  ],
  [
    C.DRUGS,
    'homes',
    'Alder Vale',
    'S',
    'Strong smell of cannabis in the communal hallway affecting a neighbour with asthma.',
  ],
  [
    C.DRUGS,
    'asb',
    'Weavers Green',
    'M',
    'Needles and foil found in the play area; drug use reported in the garages after dark.',
  ],
  [C.PETS, 'homes', 'Thornfield', 'S', 'Dog left alone barking for long periods and fouling the shared garden.'],
  [
    C.PETS,
    'homes',
    'Millbrook',
    'M',
    'Large dog off the lead lunging at residents in the communal entrance; a child was knocked over.',
  ],
  [
    C.DOMESTIC_ABUSE,
    'police',
    'Northgate',
    'H',
    'Repeat call-outs to a flat for domestic incidents; DASH high risk, referred to MARAC.',
  ],
  [
    C.DOMESTIC_ABUSE,
    'police',
    'Kingsmead',
    'H',
    "Ex-partner breaching bail by attending the victim's home; non-fatal strangulation disclosed.",
  ],
  [
    C.DOMESTIC_ABUSE,
    'idva',
    'Alder Vale',
    'H',
    'Self-referral to the IDVA: coercive control and financial abuse by a partner; victim planning to leave.',
  ],
  [
    C.DOMESTIC_ABUSE,
    'idva',
    'Weavers Green',
    'M',
    'Older victim abused by her adult son, who lives with her; safeguarding concerns and carer stress.',
  ],
  [
    C.DOMESTIC_ABUSE,
    'homes',
    "St Bede's",
    'M',
    'Tenant disclosed abuse by an ex-partner during a tenancy visit; front door and windows damaged.',
  ],
  [
    C.DOMESTIC_ABUSE,
    'homes',
    'Thornfield',
    'H',
    'Neighbours report screaming and a child crying; tenant later disclosed threats to kill; transfer requested.',
  ],
  [
    C.COMMUNAL_AREAS,
    'homes',
    'Kingsmead',
    'S',
    'Youths congregating in the tower lobby and lifts, smoking and leaving litter; residents feel intimidated.',
  ],
  [
    C.COMMUNAL_AREAS,
    'homes',
    'Northgate',
    'S',
    'Bikes, prams and bags of rubbish blocking the third-floor fire escape route.',
  ],
  [
    C.COMMUNAL_AREAS,
    'asb',
    'Millbrook',
    'M',
    'Rough sleeping and drinking in the bin store and undercroft parking; door entry repeatedly forced.',
  ],
  [
    C.CRIME,
    'police',
    'Southbank',
    'M',
    'Series of shed and bike-store break-ins on the estate; CCTV shows the same two men.',
  ],
  [
    C.CRIME,
    'homes',
    'Alder Vale',
    'S',
    'Parcels stolen from communal entrances; a resident of the block is suspected.',
  ],
  [
    C.VIOLENCE,
    'police',
    'Weavers Green',
    'H',
    'Assault outside the parade of shops following a long-running feud between two families.',
  ],
  [
    C.VIOLENCE,
    'homes',
    'Thornfield',
    'M',
    "Tenant assaulted in the car park by a neighbour's visitor, who still comes to the block.",
  ],
  [
    C.HATE,
    'police',
    "St Bede's",
    'H',
    'Racist abuse and eggs thrown at the home of a refugee family on four occasions.',
    [
      'Racist abuse shouted at the family on the way to school.',
      'Eggs thrown at the windows and a racist slur written on the door.',
      'Stones thrown at the children in the street; an older boy filmed it.',
    ],
  ],
  [
    C.HATE,
    'homes',
    'Kingsmead',
    'M',
    "Homophobic graffiti on a tenant's door and abuse shouted from a balcony.",
    [
      'Homophobic slur written on the front door in marker pen.',
      'Homophobic abuse shouted from a balcony as the tenant came home.',
      'Note with homophobic abuse left in the lift.',
    ],
  ],
  [
    C.RUBBISH,
    'envhealth',
    'Millbrook',
    'S',
    'Household waste piling up in the rear yard of a terraced house; rats seen.',
  ],
  [
    C.RUBBISH,
    'homes',
    'Northgate',
    'S',
    'Bin bags left on balconies and thrown from windows; gulls ripping them open.',
  ],
  [
    C.VEHICLES,
    'asb',
    'Southbank',
    'M',
    'Off-road motorbikes ridden at speed along the riverside path and across the playing fields.',
    [
      'Two off-road motorbikes ridden at speed past children playing.',
      'Motorbike ridden along the riverside path; a walker had to jump aside.',
      'Riders revving engines on the playing field until after midnight.',
    ],
  ],
  [
    C.VEHICLES,
    'homes',
    'Thornfield',
    'S',
    "Untaxed van abandoned in a residents' bay for three months; car repairs done on the street.",
    [
      "Untaxed van still parked in the residents' bay.",
      'Car repairs on the road; oil left on the pavement.',
      'Car on bricks with its wheels off for the whole weekend.',
    ],
  ],
  [C.VANDALISM, 'homes', 'Weavers Green', 'S', 'Repeated damage to the communal door entry panel and lift buttons.'],
  [C.VANDALISM, 'asb', 'Alder Vale', 'S', 'Bus shelter and play equipment damaged on consecutive weekends.'],
  [
    C.GARDENS,
    'homes',
    "St Bede's",
    'S',
    'Overgrown garden with broken furniture and a fire pit; smoke affecting neighbours.',
    [
      'Garden fire; smoke entering neighbouring homes.',
      'Broken furniture and a mattress added to the pile in the garden.',
      'Rats seen running from the garden into the neighbouring yard.',
    ],
  ],
  [
    C.GARDENS,
    'homes',
    'Millbrook',
    'S',
    'Boundary hedge left to block the footpath; neighbours in dispute over a fence.',
    [
      'Hedge grown across the footpath; pushchairs forced into the road.',
      'Argument over the fence line; fence panel pulled down.',
      'Hedge cuttings thrown over into the neighbouring garden.',
    ],
  ],
  [
    C.ALCOHOL,
    'asb',
    'Northgate',
    'M',
    'Street drinking on the benches outside the community centre, with urinating and abuse of passers-by.',
  ],
  [
    C.ALCOHOL,
    'homes',
    'Southbank',
    'M',
    'Tenant drinking heavily, shouting at neighbours and falling in the stairwell; vulnerability concerns.',
  ],
  [C.FLY_TIPPING, 'envhealth', 'Millbrook', 'S', "Builders' waste repeatedly dumped in the lane behind Tanners Row."],
  [
    C.FLY_TIPPING,
    'envhealth',
    'Kingsmead',
    'S',
    'Mattresses and furniture dumped beside the estate bin store most weekends.',
  ],
  [
    C.FLY_TIPPING,
    'homes',
    'Thornfield',
    'S',
    'White goods and garden waste fly-tipped on the grass verge by the garages.',
  ],
  [
    C.LITTERING,
    'envhealth',
    'Southbank',
    'S',
    'Litter and food waste around the takeaways on Wharf Street late at night.',
  ],
  [
    C.GRAFFITI,
    'asb',
    'Weavers Green',
    'S',
    'Tags sprayed on the parade shutters and in the underpass; some appear gang-related.',
  ],
  [
    C.GRAFFITI,
    'homes',
    "St Bede's",
    'S',
    'Offensive graffiti in the stairwell of a low-rise block; painted over and back within days.',
  ],
  [
    C.DOG_FOULING,
    'envhealth',
    'Alder Vale',
    'S',
    'Dog fouling on the school route along Rowan Walk; the same dog walker seen repeatedly.',
  ],
  [C.DOG_FOULING, 'homes', 'Kingsmead', 'S', 'Dog mess left on the tower landings and in the lift.'],
  [
    C.OTHER,
    'cmht',
    'Northgate',
    'M',
    'Hoarding and self-neglect in a flat, with a fire risk and smells affecting neighbours; tenant known to the CMHT.',
    [
      'Strong smell from the flat and flies at the windows.',
      'Items stacked against the front door, blocking the escape route.',
      'Fire service visit: smoke alarm disconnected, gas hob covered in papers.',
    ],
  ],
  [
    C.OTHER,
    'asb',
    'Millbrook',
    'S',
    'Empty house used as a den by young people; the boards over the windows keep being pulled off.',
    [
      'Young people seen climbing into the boarded-up house.',
      'Boards pulled off the back windows again.',
      'Small fire lit in the back garden of the empty house.',
    ],
  ],
];

/**
 * Stock incidents and where on the street they happen ('' means at the address itself), per category. Categories whose
 * cases differ too much to share stock (texts: []) give their own incidents in CASES.
 */
const INCIDENTS: Record<
  CaseCategory,
  { texts: readonly string[]; spots: readonly string[]; related?: readonly CaseCategory[] }
> = {
  NOISE: {
    texts: [
      'Loud bass music from 23:00 until 03:30; recorded on the noise app.',
      'Shouting and doors banging in the early hours.',
      'Party with around twenty guests; music carried on after a polite request to turn it down.',
    ],
    spots: ['', 'rear garden', 'landing'],
    related: [C.ALCOHOL, C.HARASSMENT],
  },
  HARASSMENT: {
    texts: [
      'Subject swore at the complainant and threatened to "sort them out".',
      'Abusive note pushed through the letterbox.',
      "Subject filmed the complainant's children on a phone and laughed at them.",
    ],
    spots: ['landing', 'front door', 'car park'],
    related: [C.VIOLENCE],
  },
  DRUGS: {
    texts: [
      'Stream of short visits to the flat between 22:00 and 02:00.',
      'Used needles and foil found by the caretaker.',
      "Strong smell of cannabis in the hallway; the neighbour's child has asthma.",
    ],
    spots: ['stairwell', 'front door', 'garages', 'alleyway'],
    related: [C.COMMUNAL_AREAS, C.CRIME],
  },
  PETS: {
    texts: [
      'Dog barked continuously for four hours while the owner was out.',
      'Dog mess left in the shared garden again.',
      'Dog off the lead lunged at a resident and her child.',
    ],
    spots: ['shared garden', 'communal entrance', ''],
  },
  DOMESTIC_ABUSE: {
    texts: [
      'Police called by neighbours after shouting and screaming; victim had visible injuries.',
      'Subject came to the address in breach of bail conditions and banged on the door.',
      'Victim received over forty abusive messages and calls in one evening.',
      'Front door and a window damaged during the night.',
    ],
    spots: [''],
  },
  COMMUNAL_AREAS: {
    texts: [
      'Around eight youths in the lobby, smoking and blocking the lift.',
      'Fire door propped open and rubbish left on the landing.',
      'Door entry forced; people sleeping in the bin store.',
    ],
    spots: ['lobby', 'landing', 'bin store', 'lift'],
    related: [C.VANDALISM],
  },
  CRIME: {
    texts: [
      'Padlock cut and two bikes taken from the bike store.',
      'Parcel taken from the entrance minutes after delivery.',
      'Shed broken into overnight; tools stolen.',
    ],
    spots: ['bike store', 'communal entrance', 'rear garden'],
  },
  VIOLENCE: {
    texts: [
      'Fight between members of two families; one man taken to hospital.',
      'Resident punched by a visitor to the block.',
      'Subject threatened a neighbour with a bottle.',
    ],
    spots: ['car park', 'front door', ''],
    related: [C.HARASSMENT],
  },
  HATE: { texts: [], spots: ['front door', 'balcony', ''] },
  RUBBISH: {
    texts: [
      'Bags of household waste piled up; rats seen.',
      'Bin bags thrown from a balcony split on the path.',
      'Overflowing bins left out for over a week.',
    ],
    spots: ['rear yard', 'balcony', 'bin store'],
  },
  VEHICLES: { texts: [], spots: ['', 'car park', 'garages'] },
  VANDALISM: {
    texts: [
      'Door entry panel smashed again.',
      'Play equipment damaged and set alight.',
      'Glass panels of the bus shelter broken.',
    ],
    spots: ['communal entrance', 'play area', ''],
  },
  GARDENS: { texts: [], spots: ['rear garden', 'front garden', ''] },
  ALCOHOL: {
    texts: [
      'Group drinking on the benches and shouting at passers-by.',
      'Resident found drunk and injured.',
      'Empty cans and urine in the doorway.',
    ],
    spots: ['', 'stairwell', 'front door'],
    related: [C.NOISE],
  },
  FLY_TIPPING: {
    texts: [
      'Rubble and plasterboard dumped overnight, about half a tonne.',
      'Two mattresses and a sofa dumped beside the bins.',
      'Fridge and garden waste left on the verge.',
    ],
    spots: ['alleyway', 'bin store', 'verge'],
  },
  LITTERING: {
    texts: [
      'Food packaging and cans along the pavement after closing time.',
      'Litter thrown from a car at the junction.',
      'Overflowing litter bin; waste blown across the road.',
    ],
    spots: ['', 'bus stop'],
  },
  GRAFFITI: {
    texts: [
      'New tags sprayed on shutters overnight.',
      'Offensive graffiti sprayed in the stairwell.',
      'Gang-related tags in the underpass.',
    ],
    spots: ['', 'stairwell', 'underpass'],
  },
  DOG_FOULING: {
    texts: [
      'Dog fouling on the footpath outside the school gates.',
      'Walker seen letting a dog foul and walking away.',
      'Dog mess on the landing and in the lift.',
    ],
    spots: ['', 'landing', 'lift'],
  },
  OTHER: { texts: [], spots: [''] },
};

/** Who takes part in a case, by the kind of case. */
const PARTY_PATTERN: Record<CaseCategory, 'da' | 'victim' | 'neighbour' | 'place'> = {
  NOISE: 'neighbour',
  HARASSMENT: 'victim',
  DRUGS: 'neighbour',
  PETS: 'neighbour',
  DOMESTIC_ABUSE: 'da',
  COMMUNAL_AREAS: 'place',
  CRIME: 'victim',
  VIOLENCE: 'victim',
  HATE: 'victim',
  RUBBISH: 'neighbour',
  VEHICLES: 'place',
  VANDALISM: 'place',
  GARDENS: 'neighbour',
  ALCOHOL: 'neighbour',
  FLY_TIPPING: 'place',
  LITTERING: 'place',
  GRAFFITI: 'place',
  DOG_FOULING: 'place',
  OTHER: 'neighbour',
};

/** The information-sharing basis recorded with each share. */
const REASONS = {
  s115: 'Crime and Disorder Act 1998 s.115 – ASB information-sharing protocol',
  marac: 'Safeguarding: risk to victim (DA) – MARAC ISA',
  daHousing: 'Safe housing options for a DA victim – MARAC ISA, case basics only',
  police: 'Request for police action and intelligence – Crime and Disorder Act 1998 s.115',
  nuisance: 'Statutory nuisance investigation – Environmental Protection Act 1990 s.79',
  cpn: 'Community Protection Warning/Notice – ASB, Crime and Policing Act 2014 Part 4',
  tenancy: 'Tenancy enforcement by the landlord – ASB information-sharing protocol',
  vulnerability: 'Safeguarding adults: vulnerability identified (Care Act 2014 s.42), with consent',
  hate: 'Hate crime partnership response – community safety partnership ISA',
  victim: "Victim support referral with the victim's consent",
} as const;

/** Each reason's lawful basis and the victim's consent, as the owner would record them (issue 18, item 3). */
const BASES: Record<
  keyof typeof REASONS,
  { lawful_basis: string; lawful_basis_detail?: string; consent_state: string; consent_detail?: string }
> = {
  s115: {
    lawful_basis: 'CRIME_AND_DISORDER_ACT_S115',
    consent_state: 'NOT_SOUGHT',
    consent_detail: 'Shared under the ASB protocol to reduce crime and disorder',
  },
  marac: {
    lawful_basis: 'PUBLIC_TASK',
    consent_state: 'REFUSED_OVERRIDDEN',
    consent_detail: 'High risk at MARAC: risk of serious harm outweighs the refusal',
  },
  daHousing: { lawful_basis: 'PUBLIC_TASK', consent_state: 'GIVEN' },
  police: {
    lawful_basis: 'CRIME_AND_DISORDER_ACT_S115',
    consent_state: 'NOT_SOUGHT',
    consent_detail: 'Asking could alert the perpetrator',
  },
  nuisance: {
    lawful_basis: 'OTHER',
    lawful_basis_detail: 'Environmental Protection Act 1990 s.79',
    consent_state: 'NOT_SOUGHT',
    consent_detail: 'A statutory duty to investigate',
  },
  cpn: {
    lawful_basis: 'PUBLIC_TASK',
    consent_state: 'NOT_SOUGHT',
    consent_detail: 'Enforcement against the perpetrator',
  },
  tenancy: {
    lawful_basis: 'CRIME_AND_DISORDER_ACT_S115',
    consent_state: 'NOT_SOUGHT',
    consent_detail: 'Enforcement against the perpetrator',
  },
  vulnerability: { lawful_basis: 'CARE_ACT_S45', consent_state: 'GIVEN' },
  hate: { lawful_basis: 'CRIME_AND_DISORDER_ACT_S115', consent_state: 'GIVEN' },
  victim: { lawful_basis: 'CONSENT', consent_state: 'GIVEN' },
};

/** Partners a case of each kind is shared with, most likely first; EITHER lets the dice choose the access. */
type Candidate = readonly [AgencyKey, Access | 'EITHER', keyof typeof REASONS];
const DA_SHARES: readonly Candidate[] = [
  ['police', 'FULL', 'marac'],
  ['idva', 'FULL', 'marac'],
  ['homes', 'LIMITED', 'daHousing'],
  ['cmht', 'EITHER', 'marac'],
  ['asb', 'LIMITED', 's115'],
];
const CRIME_SHARES: readonly Candidate[] = [
  ['police', 'EITHER', 'police'],
  ['homes', 'FULL', 'tenancy'],
  ['asb', 'LIMITED', 's115'],
  ['cmht', 'EITHER', 'vulnerability'],
  ['idva', 'LIMITED', 'victim'],
];
const NOISE_SHARES: readonly Candidate[] = [
  ['envhealth', 'FULL', 'nuisance'],
  ['asb', 'LIMITED', 's115'],
  ['homes', 'FULL', 'tenancy'],
  ['police', 'LIMITED', 's115'],
];
const ENVIRONMENT_SHARES: readonly Candidate[] = [
  ['envhealth', 'FULL', 'cpn'],
  ['asb', 'EITHER', 'cpn'],
  ['homes', 'LIMITED', 'tenancy'],
  ['police', 'LIMITED', 's115'],
];
const HOUSING_SHARES: readonly Candidate[] = [
  ['asb', 'EITHER', 's115'],
  ['police', 'LIMITED', 's115'],
  ['envhealth', 'LIMITED', 'nuisance'],
  ['homes', 'FULL', 'tenancy'],
  ['cmht', 'LIMITED', 'vulnerability'],
];
const SHARE_CANDIDATES: Record<CaseCategory, readonly Candidate[]> = {
  NOISE: NOISE_SHARES,
  HARASSMENT: CRIME_SHARES,
  DRUGS: CRIME_SHARES,
  PETS: HOUSING_SHARES,
  DOMESTIC_ABUSE: DA_SHARES,
  COMMUNAL_AREAS: HOUSING_SHARES,
  CRIME: CRIME_SHARES,
  VIOLENCE: CRIME_SHARES,
  RUBBISH: ENVIRONMENT_SHARES,
  VEHICLES: HOUSING_SHARES,
  VANDALISM: HOUSING_SHARES,
  GARDENS: HOUSING_SHARES,
  FLY_TIPPING: ENVIRONMENT_SHARES,
  LITTERING: ENVIRONMENT_SHARES,
  GRAFFITI: ENVIRONMENT_SHARES,
  DOG_FOULING: ENVIRONMENT_SHARES,
  HATE: [
    ['police', 'FULL', 'hate'],
    ['homes', 'FULL', 'hate'],
    ['idva', 'LIMITED', 'victim'],
    ['asb', 'LIMITED', 'hate'],
  ],
  ALCOHOL: [
    ['police', 'LIMITED', 'police'],
    ['cmht', 'FULL', 'vulnerability'],
    ['asb', 'EITHER', 's115'],
    ['homes', 'FULL', 'tenancy'],
  ],
  OTHER: [
    ['homes', 'FULL', 'tenancy'],
    ['envhealth', 'EITHER', 'nuisance'],
    ['asb', 'LIMITED', 's115'],
    ['cmht', 'FULL', 'vulnerability'],
  ],
};

const A = ActionKind;
const ANYONE = AGENCY_KEYS;
/** Which agencies carry out each intervention, and the wording of the action and of a typical outcome. */
const ACTIONS: Record<ActionKind, readonly [readonly AgencyKey[], string, string]> = {
  HOME_VISIT: [
    ANYONE,
    'Visit the subject at home to discuss the reports and the expected standards',
    'Visit done; subject accepted the concerns',
  ],
  WARNING_LETTER: [
    ['homes', 'asb', 'envhealth', 'police'],
    'Send a first warning letter to the subject',
    'Letter served by hand',
  ],
  ACCEPTABLE_BEHAVIOUR_CONTRACT: [
    ['homes', 'asb', 'police'],
    'Agree an Acceptable Behaviour Contract with the subject',
    'ABC signed for six months',
  ],
  GOOD_NEIGHBOUR_AGREEMENT: [
    ['homes'],
    'Agree a Good Neighbour Agreement between both households',
    'Both households signed',
  ],
  MEDIATION: [
    ['homes', 'asb'],
    'Refer both parties to the community mediation service',
    'Joint session held; agreement reached',
  ],
  RESTORATIVE_PRACTICE: [
    ['asb', 'police', 'homes'],
    'Offer a restorative meeting between the young people and residents',
    'Meeting held; apology given',
  ],
  REFERRAL: [ANYONE, 'Refer to specialist support with consent', 'Referral accepted; first appointment booked'],
  SUPPORT_PLAN: [
    ['idva', 'cmht', 'homes'],
    'Agree a support plan covering safety, health and housing',
    'Support plan agreed and shared',
  ],
  COMMUNITY_PROTECTION_WARNING: [
    ['asb', 'envhealth', 'police'],
    'Issue a Community Protection Warning',
    'CPW issued; compliance being monitored',
  ],
  TENANCY_SUSTAINMENT: [
    ['homes'],
    'Put a tenancy sustainment plan in place',
    'Tenant engaging with the tenancy support officer',
  ],
  INTRODUCTORY_TENANCY_EXTENSION: [
    ['homes'],
    'Extend the introductory tenancy by six months',
    'Extension notice served',
  ],
  MANAGEMENT_TRANSFER: [['homes'], 'Arrange a management transfer to a safe property', 'Offer accepted; tenant moved'],
  DISCLOSURE_REQUEST: [
    ['police', 'homes'],
    'Request disclosure of relevant police information about the subject',
    'Disclosure received and recorded',
  ],
  PATROL: [
    ['police', 'asb'],
    'Add the location to evening patrols for four weeks',
    'Patrols completed; two groups moved on',
  ],
  NOISE_MONITORING: [
    ['envhealth', 'asb', 'homes'],
    "Install noise-recording equipment in the complainant's home",
    'Recordings reviewed; nuisance confirmed',
  ],
  OTHER_ACTION: [
    ANYONE,
    'Deploy a mobile CCTV camera at the hotspot for six weeks',
    'Camera removed; footage reviewed',
  ],
  CIVIL_INJUNCTION: [
    ['homes', 'asb', 'police'],
    'Apply for a civil injunction with a power of arrest',
    'Injunction granted for twelve months',
  ],
  NOTICE_SEEKING_POSSESSION: [
    ['homes'],
    'Serve a Notice Seeking Possession (ASB grounds)',
    'NOSP served; monitoring for breaches',
  ],
  NOTICE_OF_PROCEEDINGS_FOR_POSSESSION: [
    ['homes'],
    'Serve a Notice of Proceedings for Possession (absolute ground)',
    'NOPP served',
  ],
  DEMOTION: [['homes'], 'Apply to court to demote the tenancy', 'Demotion order granted'],
  POSSESSION_ORDER: [['homes'], 'Apply for a possession order', 'Suspended possession order granted'],
  EVICTION: [['homes'], 'Book bailiffs to enforce the possession order', 'Eviction carried out; property secured'],
  COMMUNITY_PROTECTION_NOTICE: [
    ['asb', 'envhealth'],
    'Serve a Community Protection Notice after the warning was breached',
    'CPN served',
  ],
  FIXED_PENALTY_NOTICE: [['envhealth', 'asb'], 'Issue a Fixed Penalty Notice to the identified offender', 'FPN paid'],
  CLOSURE_ORDER: [
    ['police', 'asb'],
    'Apply to the magistrates for a closure order on the premises',
    'Three-month closure order granted',
  ],
  CRIMINAL_BEHAVIOUR_ORDER: [['police'], 'Seek a Criminal Behaviour Order on conviction', 'CBO made for two years'],
};

/** Interventions that fit each kind of case. */
const ACTION_POOLS: Record<CaseCategory, readonly ActionKind[]> = {
  NOISE: [
    A.NOISE_MONITORING,
    A.WARNING_LETTER,
    A.HOME_VISIT,
    A.MEDIATION,
    A.ACCEPTABLE_BEHAVIOUR_CONTRACT,
    A.COMMUNITY_PROTECTION_WARNING,
    A.NOTICE_SEEKING_POSSESSION,
    A.INTRODUCTORY_TENANCY_EXTENSION,
  ],
  HARASSMENT: [
    A.HOME_VISIT,
    A.WARNING_LETTER,
    A.ACCEPTABLE_BEHAVIOUR_CONTRACT,
    A.MEDIATION,
    A.CIVIL_INJUNCTION,
    A.RESTORATIVE_PRACTICE,
  ],
  DRUGS: [
    A.PATROL,
    A.CLOSURE_ORDER,
    A.HOME_VISIT,
    A.REFERRAL,
    A.NOTICE_SEEKING_POSSESSION,
    A.DISCLOSURE_REQUEST,
    A.NOTICE_OF_PROCEEDINGS_FOR_POSSESSION,
    A.POSSESSION_ORDER,
    A.EVICTION,
  ],
  PETS: [A.HOME_VISIT, A.WARNING_LETTER, A.GOOD_NEIGHBOUR_AGREEMENT, A.COMMUNITY_PROTECTION_WARNING],
  DOMESTIC_ABUSE: [
    A.REFERRAL,
    A.SUPPORT_PLAN,
    A.DISCLOSURE_REQUEST,
    A.MANAGEMENT_TRANSFER,
    A.CIVIL_INJUNCTION,
    A.HOME_VISIT,
  ],
  COMMUNAL_AREAS: [A.PATROL, A.WARNING_LETTER, A.HOME_VISIT, A.OTHER_ACTION],
  CRIME: [A.PATROL, A.DISCLOSURE_REQUEST, A.CRIMINAL_BEHAVIOUR_ORDER, A.WARNING_LETTER, A.OTHER_ACTION],
  VIOLENCE: [
    A.CIVIL_INJUNCTION,
    A.CRIMINAL_BEHAVIOUR_ORDER,
    A.HOME_VISIT,
    A.NOTICE_SEEKING_POSSESSION,
    A.DEMOTION,
    A.PATROL,
  ],
  HATE: [A.HOME_VISIT, A.REFERRAL, A.CIVIL_INJUNCTION, A.NOTICE_SEEKING_POSSESSION, A.PATROL, A.SUPPORT_PLAN],
  RUBBISH: [A.HOME_VISIT, A.COMMUNITY_PROTECTION_WARNING, A.COMMUNITY_PROTECTION_NOTICE, A.TENANCY_SUSTAINMENT],
  VEHICLES: [A.PATROL, A.WARNING_LETTER, A.OTHER_ACTION, A.COMMUNITY_PROTECTION_WARNING],
  VANDALISM: [A.PATROL, A.OTHER_ACTION, A.WARNING_LETTER, A.RESTORATIVE_PRACTICE],
  GARDENS: [
    A.HOME_VISIT,
    A.WARNING_LETTER,
    A.GOOD_NEIGHBOUR_AGREEMENT,
    A.COMMUNITY_PROTECTION_WARNING,
    A.TENANCY_SUSTAINMENT,
  ],
  ALCOHOL: [
    A.PATROL,
    A.REFERRAL,
    A.ACCEPTABLE_BEHAVIOUR_CONTRACT,
    A.SUPPORT_PLAN,
    A.TENANCY_SUSTAINMENT,
    A.INTRODUCTORY_TENANCY_EXTENSION,
  ],
  FLY_TIPPING: [A.OTHER_ACTION, A.FIXED_PENALTY_NOTICE, A.COMMUNITY_PROTECTION_WARNING, A.PATROL],
  LITTERING: [A.PATROL, A.FIXED_PENALTY_NOTICE, A.COMMUNITY_PROTECTION_WARNING],
  GRAFFITI: [A.OTHER_ACTION, A.PATROL, A.RESTORATIVE_PRACTICE],
  DOG_FOULING: [A.PATROL, A.FIXED_PENALTY_NOTICE, A.WARNING_LETTER],
  OTHER: [A.HOME_VISIT, A.REFERRAL, A.SUPPORT_PLAN, A.TENANCY_SUSTAINMENT, A.DEMOTION],
};

type Channel = 'IN_PERSON' | 'PHONE' | 'EMAIL' | 'LETTER' | 'ONLINE' | 'TEXT_MESSAGE';
const CONTACTS: readonly (readonly [Channel, string])[] = [
  ['PHONE', 'Called the reporter to acknowledge the report and agree an action plan; updates fortnightly by phone.'],
  ['IN_PERSON', 'Home visit to the reporter; incident diary sheets left and the noise app explained.'],
  ['EMAIL', 'Update to the reporter: warning served on the subject; asked them to keep logging incidents.'],
  ['PHONE', 'Reporter says things have improved over the last fortnight; agreed to review in a month.'],
  ['TEXT_MESSAGE', 'Text to the reporter after two missed calls, asking them to ring back.'],
  ['LETTER', 'Letter to the reporter confirming the agreed action plan and how to report new incidents.'],
  ['ONLINE', "Replied through the tenant app to the reporter's new online report; linked to this case."],
];
/** Never a letter to a domestic-abuse victim's home: the abuser may read it. */
const DA_CONTACTS: readonly (readonly [Channel, string])[] = [
  ['PHONE', 'Spoke to the victim on the agreed safe number at a pre-arranged time; safety plan reviewed.'],
  ['IN_PERSON', 'Met the victim at a safe location; discussed the MARAC actions and housing options.'],
  ['TEXT_MESSAGE', 'Text to the safe number confirming the next appointment; no case details in the message.'],
];

const CLOSE_REASONS = {
  resolved: {
    da: [
      'Victim rehoused safely and engaging with support; risk reviewed down to standard.',
      'Injunction in place and no further incidents; victim agreed to closure.',
    ],
    place: [
      'Hotspot cleared and no repeat reports for eight weeks after the patrols.',
      'Offender identified and fined; no further incidents recorded.',
    ],
    other: [
      'No further reports for eight weeks after the ABC was signed; reporter agreed to closure.',
      'Mediation agreement holding; both households agreed the case can close.',
      'Subject moved out; reporter satisfied with the outcome.',
    ],
  },
  unresolved: {
    da: ['Victim declined further support and withdrew from the process; safety advice given.'],
    place: ['No offender identified despite CCTV and patrols; location kept on the patrol list.'],
    other: [
      'Reporter stopped responding after three attempts at contact; no evidence to progress.',
      'Insufficient evidence for further action; reporter advised to report new incidents.',
    ],
  },
};

const POLICE_INTELLIGENCE: Record<'da' | 'supply' | 'violence' | 'other', readonly string[]> = {
  da: [
    "Subject has two previous convictions for assault on former partners; Clare's Law disclosure made to the victim.",
    'Subject on police bail with conditions not to contact the victim or attend the address.',
    'Three DA call-outs to the address in six months; subject arrested once, released under investigation.',
  ],
  supply: [
    'Subject has a previous conviction for possession with intent to supply (2021); known associate of a county-lines group.',
    'Vehicle linked by local intelligence to suspected supply; stop and search recorded last month.',
  ],
  violence: [
    'Subject cautioned for a racially aggravated public order offence in 2023.',
    'Subject has two convictions for common assault and one for criminal damage; currently on a conditional discharge.',
  ],
  other: [
    'No trace on police systems for the named subject; CCTV requested from the council.',
    'Subject known for previous ASB on the estate; one arrest for criminal damage in 2024, no further action.',
  ],
};
const INTELLIGENCE_KIND: Partial<Record<CaseCategory, 'supply' | 'violence'>> = {
  DRUGS: 'supply',
  CRIME: 'supply',
  ALCOHOL: 'supply',
  HATE: 'violence',
  VIOLENCE: 'violence',
  HARASSMENT: 'violence',
};
const SUPPORT_NEEDS = {
  da: [
    'Victim engaged with the IDVA; safety plan in place; children known to the school safeguarding lead.',
    'Victim has anxiety and depression and is waiting for talking therapy; needs a Polish interpreter.',
    'Victim has limited mobility; sanctuary scheme target-hardening requested.',
  ],
  other: [
    'Tenant has a diagnosis of schizophrenia and a CMHT care coordinator; may struggle with written correspondence.',
    'Subject is alcohol dependent; referred to the community drug and alcohol service.',
    'Vulnerable adult who may lack capacity about visitors to the flat; safeguarding referral made.',
  ],
};

const FIRST_NAMES = [
  'Aisha',
  'Bernard',
  'Carys',
  'Declan',
  'Eleni',
  'Farhan',
  'Gemma',
  'Hamish',
  'Ines',
  'Jordan',
  'Keisha',
  'Lorcan',
  'Maja',
  'Nathan',
  'Olu',
  'Paige',
  'Quentin',
  'Rhiannon',
  'Stefan',
  'Tamsin',
  'Usman',
  'Verity',
  'Wesley',
  'Yasmin',
  'Zoltan',
  'Brogan',
  'Dorota',
  'Ellis',
  'Hollie',
  'Kwame',
];
const SURNAMES = [
  'Abernethy',
  'Blackwood',
  'Castellano',
  'Draycott',
  'Eastwell',
  'Fenwick',
  'Gorecki',
  'Hollins',
  'Ibbotson',
  'Juma',
  'Kettering',
  'Lomax',
  'Marwood',
  'Nkemelu',
  'Ormerod',
  'Pashley',
  'Quarrie',
  'Rudd',
  'Sowerby',
  'Tilsley',
  'Underhill',
  'Varga',
  'Whitcombe',
  'Yardley',
  'Zielinski',
  'Ashdown',
  'Brennock',
  'Culshaw',
  'Dunmore',
  'Ezeh',
];

/** mulberry32: a tiny seeded generator, so the demo looks the same on every install. */
class Dice {
  constructor(private seed: number) {}
  next(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = Math.imul(this.seed ^ (this.seed >>> 15), 1 | this.seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Index drawn from relative weights. */
  weighted(weights: readonly number[]): number {
    let r = this.next() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
    return weights.length - 1;
  }
}

type Row = Record<string, unknown>;
interface Staff {
  agency: Record<AgencyKey, string>;
  caseworker: Record<AgencyKey, string>;
  manager: Record<AgencyKey, string>;
}

const FLATS = /(Tower|House|Court)$/;

/**
 * Everything is planned in "days ago" so that every roll of the dice is independent of today's date, then
 * turned into timestamps against `now`: the demo is the same each time, just shifted to stay recent.
 */
function planDemo(staff: Staff, now: number) {
  const dice = new Dice(0x5eed2026);
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  /** A moment between two "days ago" points (from > to). */
  const between = (from: number, to: number) => from - dice.next() * (from - to);
  const name = () => `${dice.pick(FIRST_NAMES)} ${dice.pick(SURNAMES)}`;
  const phone = () => `07700 900${String(dice.int(0, 999)).padStart(3, '0')}`;
  const twoDigits = (n: number) => String(n).padStart(2, '0');
  const birthDate = (minAge: number, maxAge: number) =>
    `${new Date(now).getUTCFullYear() - dice.int(minAge, maxAge)}-${twoDigits(dice.int(1, 12))}-${twoDigits(dice.int(1, 28))}`;
  const addressOf = (num: number, street: string) =>
    FLATS.test(street) ? `Flat ${num}, ${street}, Riverside` : `${num} ${street}, Riverside`;

  const cases: Row[] = [];
  const parties: Row[] = [];
  const shares: Row[] = [];
  const incidents: Row[] = [];
  const actions: Row[] = [];
  const contacts: Row[] = [];

  for (const [category, owner, ward, risk, summary, ownIncidents] of CASES) {
    const caseId = randomUUID();
    const da = category === C.DOMESTIC_ABUSE;
    const pattern = PARTY_PATTERN[category];
    const opened = 3 + dice.next() * 540;
    const closed =
      opened > 45 && dice.chance(0.23) ? opened - 20 - dice.next() * (Math.min(opened - 2, 220) - 20) : null;
    const end = closed ?? 0;
    const street = dice.pick(WARDS[ward]);
    const num = dice.int(1, 60);
    const address = pattern === 'place' ? `${street} (by no. ${num}), Riverside` : addressOf(num, street);
    const landlordInvolved = owner === 'homes' || dice.chance(0.4);
    const lastActivity: number[] = [opened];

    // Shares first: who holds the case decides who can log incidents, own actions and read sensitive fields.
    const candidates = SHARE_CANDIDATES[category].filter(([agency]) => agency !== owner);
    // Domestic abuse is the most multi-agency work there is (MARAC), so those cases are shared the widest.
    const count = Math.min(candidates.length, da ? 3 + dice.weighted([2, 1]) : dice.weighted([3, 7, 7, 3]));
    const held = new Map<AgencyKey, Access>();
    const pool = [...candidates];
    for (let i = 0; i < count; i++) {
      // Earlier candidates are likelier: they are the usual partners for this kind of case.
      const [agency, access, reason] = pool.splice(dice.weighted(pool.map((_, j) => pool.length - j)), 1)[0];
      const chosen: Access = access === 'EITHER' ? (dice.chance(0.5) ? 'FULL' : 'LIMITED') : access;
      held.set(agency, chosen);
      const sharedAt = between(opened, Math.max(end, opened - 10));
      shares.push({
        case_id: caseId,
        agency_id: staff.agency[agency],
        access: chosen,
        reason: REASONS[reason],
        ...BASES[reason],
        shared_by_id: staff.caseworker[owner],
        shared_at: at(sharedAt),
      });
    }
    const holders: AgencyKey[] = [owner, ...held.keys()];
    const holdsFully = (agency: AgencyKey) => agency === owner || held.get(agency) === 'FULL';

    // Each sensitive field only where an agency allowed to read it holds the case in full.
    const intelligence = POLICE_INTELLIGENCE[da ? 'da' : (INTELLIGENCE_KIND[category] ?? 'other')];
    const policeIntelligence = holdsFully('police') && dice.chance(0.75) ? dice.pick(intelligence) : null;
    const supportReader = holdsFully('idva') || holdsFully('cmht');
    const supportNeeds = supportReader && dice.chance(0.8) ? dice.pick(SUPPORT_NEEDS[da ? 'da' : 'other']) : null;

    // Parties: who reported, who is harmed, who is said to be responsible.
    const people: Row[] = [];
    const neighbour = () => addressOf(dice.int(1, 60), street);
    const complainant = (anonymousChance: number) => {
      const anonymous = dice.chance(anonymousChance);
      // Some anonymous reporters give no name at all; others give it to the owner only.
      const named = !anonymous || dice.chance(0.5);
      people.push({
        role: 'COMPLAINANT',
        full_name: named ? name() : null,
        address: named ? neighbour() : null,
        phone: dice.chance(0.8) ? phone() : null,
        anonymous,
        tenant: landlordInvolved && dice.chance(0.7),
      });
    };
    if (pattern === 'da') {
      people.push({
        role: 'VICTIM',
        full_name: name(),
        address,
        phone: phone(),
        date_of_birth: birthDate(19, 72),
        tenant: landlordInvolved,
      });
      const livesWithVictim = dice.chance(0.4);
      const elsewhere = () => addressOf(dice.int(1, 90), dice.pick(dice.pick(Object.values(WARDS))));
      people.push({
        role: 'SUBJECT',
        full_name: name(),
        address: livesWithVictim ? address : elsewhere(),
        date_of_birth: birthDate(20, 55),
        tenant: livesWithVictim && landlordInvolved,
      });
      if (dice.chance(0.35)) complainant(0.5);
      if (dice.chance(0.35)) people.push({ role: 'WITNESS', full_name: name(), address: neighbour(), phone: phone() });
    } else if (pattern === 'victim') {
      people.push({
        role: 'VICTIM',
        full_name: name(),
        address,
        phone: phone(),
        date_of_birth: birthDate(8, 85),
        tenant: landlordInvolved,
      });
      const known = dice.chance(0.8);
      people.push({
        role: 'SUBJECT',
        full_name: known ? name() : null,
        address: known && dice.chance(0.7) ? neighbour() : null,
        date_of_birth: known ? birthDate(15, 60) : null,
        tenant: known && landlordInvolved && dice.chance(0.6),
      });
      if (dice.chance(0.3)) complainant(0.4);
      if (dice.chance(0.4)) {
        people.push({
          role: 'WITNESS',
          full_name: name(),
          address: neighbour(),
          phone: dice.chance(0.7) ? phone() : null,
        });
      }
    } else if (pattern === 'neighbour') {
      complainant(0.25);
      people.push({
        role: 'SUBJECT',
        full_name: name(),
        address,
        date_of_birth: birthDate(17, 80),
        tenant: landlordInvolved,
      });
      if (dice.chance(0.3)) complainant(0.4);
      if (dice.chance(0.25)) people.push({ role: 'WITNESS', full_name: name(), address: neighbour(), phone: phone() });
    } else {
      complainant(0.4);
      if (dice.chance(0.35))
        people.push({ role: 'SUBJECT', full_name: name(), address: neighbour(), date_of_birth: birthDate(14, 50) });
      if (dice.chance(0.3)) people.push({ role: 'WITNESS', full_name: name(), phone: phone() });
    }
    people.forEach((person, position) =>
      parties.push({ anonymous: false, tenant: false, ...person, case_id: caseId, position }),
    );

    // Incidents, mostly logged by the owner and sometimes by a partner holding the case.
    const stock = INCIDENTS[category];
    for (let i = dice.weighted([1, 2, 3, 3, 2, 1, 1]); i > 0; i--) {
      const incidentCategory = !ownIncidents && stock.related && dice.chance(0.2) ? dice.pick(stock.related) : category;
      const occurred = between(opened, end);
      const spot = dice.pick(stock.spots);
      const logger = dice.chance(0.65) ? owner : dice.pick(holders);
      const logged = Math.max(occurred - dice.next() * 2, 0);
      lastActivity.push(logged);
      incidents.push({
        case_id: caseId,
        occurred_at: at(occurred),
        category: incidentCategory,
        description: dice.pick(ownIncidents ?? INCIDENTS[incidentCategory].texts),
        // No location for domestic abuse: it would be the victim's home, and LIMITED partners see incidents too.
        location: da ? null : `${num} ${street}${spot ? ` ${spot}` : ''}`,
        ward,
        logged_by_id: staff.caseworker[logger],
        logged_by_agency_id: staff.agency[logger],
        logged_at: at(logged),
      });
    }

    // Actions, each owned by an agency that holds the case and does that kind of work.
    const kinds = ACTION_POOLS[category].filter((k) => ACTIONS[k][0].some((agency) => holders.includes(agency)));
    for (let i = Math.min(kinds.length, dice.weighted([2, 4, 3, 2])); i > 0; i--) {
      const actionKind = kinds.splice(Math.floor(dice.next() * kinds.length), 1)[0];
      const [doers, description, outcome] = ACTIONS[actionKind];
      const doer = doers.includes(owner) ? owner : dice.pick(holders.filter((agency) => doers.includes(agency)));
      const created = between(opened, end);
      const due = created - dice.pick([7, 14, 28, 42]);
      const roll = dice.next();
      const status =
        closed !== null
          ? roll < 0.8
            ? 'DONE'
            : 'CANCELLED'
          : (['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const)[
              roll < 0.3 ? 0 : roll < 0.55 ? 1 : roll < 0.95 ? 2 : 3
            ];
      const finished = status === 'DONE' || status === 'CANCELLED' ? between(created, end) : null;
      lastActivity.push(finished ?? created);
      actions.push({
        case_id: caseId,
        kind: actionKind,
        legal: LEGAL_ACTION_KINDS.has(actionKind),
        description,
        owner_agency_id: staff.agency[doer],
        assignee_id: staff.caseworker[doer],
        due_at: at(due),
        status,
        outcome:
          status === 'DONE' ? outcome : status === 'CANCELLED' ? 'Cancelled: no longer needed after review' : null,
        created_by_id: dice.chance(0.8) ? staff.caseworker[doer] : staff.manager[owner],
        created_at: at(created),
        completed_at: finished === null ? null : at(finished),
      });
    }

    // Contacts with the reporter: the first usually within the one-working-day standard, sometimes late.
    const contactCount = dice.weighted([1, 3, 2]);
    for (let i = 0; i < contactCount; i++) {
      const contacted =
        i === 0 ? Math.max(opened - (dice.chance(0.8) ? dice.next() : 1 + dice.next() * 3), end) : between(opened, end);
      const [channel, note] = dice.pick(da ? DA_CONTACTS : CONTACTS);
      lastActivity.push(contacted);
      contacts.push({
        case_id: caseId,
        contacted_at: at(contacted),
        channel,
        note,
        recorded_by_id: staff.caseworker[owner],
        recorded_at: at(contacted),
      });
    }

    const outcomeKind = closed !== null && dice.chance(0.7) ? 'resolved' : 'unresolved';
    cases.push({
      id: caseId,
      category,
      status: closed === null ? 'OPEN' : outcomeKind === 'resolved' ? 'CLOSED_RESOLVED' : 'CLOSED_UNRESOLVED',
      risk_level: RISK[risk],
      ward,
      address,
      summary,
      police_intelligence: policeIntelligence,
      support_needs: supportNeeds,
      opened_at: at(opened),
      closed_at: closed === null ? null : at(closed),
      close_reason:
        closed === null
          ? null
          : dice.pick(CLOSE_REASONS[outcomeKind][da ? 'da' : pattern === 'place' ? 'place' : 'other']),
      owner_agency_id: staff.agency[owner],
      lead_officer_id: staff.caseworker[owner],
      created_by_id: staff.caseworker[owner],
      updated_at: at(Math.min(...lastActivity, closed ?? Infinity)),
    });
  }
  return { cases, parties, shares, incidents, actions, contacts };
}

/** One multi-row INSERT per table: the rows travel as a single JSON parameter. */
/**
 * DASH assessments on the open high-risk domestic-abuse cases, a MARAC held four weeks ago (closed, with an
 * action for the IDVA service still open) and the next one in a week, published, hearing those cases again.
 */
async function seedDemoMeetings(
  db: EntityManager,
  people: { chair: string; coordinator: string; agencies: string[]; idva: string },
): Promise<void> {
  const answers = Array.from({ length: 24 }, (_, i) => ({
    question: i + 1,
    answer: i < 15 ? 'YES' : 'NOT_KNOWN',
    note: null,
  }));
  await db.query(
    `INSERT INTO dash_assessments (case_id, answers, score, high_risk, review_due_at, assessed_by_id, assessed_by_agency_id, assessed_at)
     SELECT c.id, $1::jsonb, 15, true, c.opened_at + interval '30 days', c.created_by_id, c.owner_agency_id, c.opened_at + interval '2 days'
       FROM cases c WHERE c.category = 'DOMESTIC_ABUSE' AND c.risk_level = 'HIGH' AND c.status = 'OPEN'`,
    [JSON.stringify(answers)],
  );
  const meeting = async (title: string, weeks: number, closed: boolean): Promise<string> => {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO meetings (kind, title, starts_at, chair_id, scheduled_by_id, published_at, closed_at)
       VALUES ('MARAC', $1, date_trunc('day', now()) + make_interval(days => $2) + interval '10 hours', $3, $4,
               now() + make_interval(days => $2 - 7), CASE WHEN $5 THEN now() + make_interval(days => $2) + interval '3 hours' END)
       RETURNING id`,
      [title, weeks * 7, people.chair, people.coordinator, closed],
    );
    await db.query(`INSERT INTO meeting_agencies (meeting_id, agency_id) SELECT $1, unnest($2::uuid[])`, [
      row.id,
      people.agencies,
    ]);
    await db.query(
      // Each case is referred by its owner agency's coordinator: only the owner refers a case.
      `INSERT INTO agenda_items (meeting_id, case_id, position, reason, dash_score, dash_assessment_id, referred_by_id, referred_by_agency_id, referred_at)
       SELECT $1, d.case_id, row_number() OVER (ORDER BY d.assessed_at), 'DASH_THRESHOLD', d.score, d.id,
              (SELECT u.id FROM users u WHERE u.agency_id = c.owner_agency_id AND 'MARAC_COORDINATOR' = ANY(u.roles) ORDER BY u.email LIMIT 1),
              c.owner_agency_id, now() - interval '35 days'
         FROM dash_assessments d JOIN cases c ON c.id = d.case_id`,
      [row.id],
    );
    return row.id;
  };
  const past = await meeting('Riverside MARAC', -4, true);
  await db.query(
    `INSERT INTO case_actions (case_id, kind, legal, description, owner_agency_id, due_at, created_by_id, agenda_item_id, created_at)
     SELECT i.case_id, 'SUPPORT_PLAN', false, 'IDVA to agree a safety plan with the victim and report back', $2,
            now() - interval '7 days', $3, i.id, now() - interval '28 days'
       FROM agenda_items i WHERE i.meeting_id = $1`,
    [past, people.idva, people.chair],
  );
  await db.query(
    `UPDATE agenda_items SET minutes = 'Risk remains high. IDVA to lead on safety planning; police to flag the address.' WHERE meeting_id = $1`,
    [past],
  );
  await meeting('Riverside MARAC', 1, false);
}

/**
 * People across the partnership: the subject of the landlord's first open nuisance case is also, spelt another
 * way, the subject of the council ASB team's first open case, and a caseworker has confirmed they are one person
 * (so the person page and the merge screen have something to show); and the landlord has a subject access request
 * from that person under way.
 */
async function seedDemoPeople(
  db: EntityManager,
  staff: { homes: string; asb: string; homesCaseworker: string; homesManager: string },
): Promise<void> {
  const firstSubject = (agency: string) =>
    `(SELECT p.id, p.case_id, p.full_name, p.date_of_birth FROM parties p JOIN cases c ON c.id = p.case_id
       WHERE c.owner_agency_id = '${agency}'::uuid AND c.status = 'OPEN' AND c.category <> 'DOMESTIC_ABUSE'
         AND p.role = 'SUBJECT' AND p.full_name IS NOT NULL AND NOT p.anonymous
       ORDER BY c.reference, p.position LIMIT 1)`;
  await db.query(
    `WITH a AS ${firstSubject(staff.homes)}, b AS ${firstSubject(staff.asb)},
          person AS (INSERT INTO people (created_by_user_id, created_by_agency_id)
                     SELECT $1, $2 FROM a, b RETURNING id),
          spelt AS (UPDATE parties SET full_name = regexp_replace(a.full_name, '([aeiou])([^aeiou]*)$', '\\1\\1\\2'),
                      aliases = ARRAY[split_part(a.full_name, ' ', 1)], date_of_birth = a.date_of_birth,
                      person_id = (SELECT id FROM person)
                      FROM a, b WHERE parties.id = b.id RETURNING parties.id)
     UPDATE parties SET person_id = (SELECT id FROM person) FROM a, spelt WHERE parties.id = a.id`,
    [staff.homesCaseworker, staff.homes],
  );
  await db.query(
    `INSERT INTO subject_access_requests (id, agency_id, case_id, party_id, reference, received_on, due_on, requester, notes, created_by)
     SELECT gen_random_uuid(), $1, a.case_id, a.id, 'SAR-DEMO-001', current_date - 20, (current_date - 20 + interval '1 month')::date,
            a.full_name, 'Asked in writing for everything held about them; identity checked at the office', $2
       FROM ${firstSubject(staff.homes)} a`,
    [staff.homes, staff.homesManager],
  );
}

/**
 * The casework the service standards read: ASB risk assessments that agree with each open case's risk level,
 * action plans agreed with most reporters, and the landlord's homes for cases per 1,000 homes. Choices come
 * from a hash of the case's id, so every load is the same.
 */
async function seedDemoCasework(db: EntityManager, landlord: { homes: string; homesManager: string }): Promise<void> {
  const hashed = `(SELECT c.*, abs(('x' || substr(md5(c.id::text), 1, 8))::bit(32)::int) AS h FROM cases c) c`;
  await db.query(
    `INSERT INTO asb_risk_assessments (case_id, likelihood, impact, vulnerabilities, score, risk_level, review_due_at, assessed_by_id, assessed_by_agency_id, assessed_at)
     SELECT c.id, m.likelihood, m.impact, CASE WHEN c.h % 4 = 0 THEN ARRAY['ISOLATION'] ELSE '{}' END, m.likelihood * m.impact, c.risk_level,
            c.opened_at + interval '3 days' + make_interval(days => m.review_days), c.created_by_id, c.owner_agency_id, c.opened_at + interval '3 days'
       FROM ${hashed}
       JOIN (VALUES ('STANDARD', 2, 3, 28), ('MEDIUM', 3, 3, 14), ('HIGH', 4, 4, 7)) AS m(level, likelihood, impact, review_days) ON m.level = c.risk_level
      WHERE c.category <> 'DOMESTIC_ABUSE' AND c.h % 10 < 6 AND c.opened_at + interval '3 days' < coalesce(c.closed_at, now())
        AND (c.risk_level <> 'STANDARD' OR c.h % 4 <> 0)`,
  );
  await db.query(
    `INSERT INTO action_plans (case_id, agreed_at, agreed_with, our_commitments, reporter_commitments, update_every_days, update_channel, recorded_by_id, recorded_at)
     SELECT c.id, c.opened_at + make_interval(days => 2 + c.h % 10), 'The reporter',
            ARRAY['Visit the person reported and explain what must stop', 'Check the incident log weekly and act on new reports'],
            ARRAY['Keep diary sheets of each incident', 'Call 999 if you are in danger'],
            CASE WHEN c.h % 2 = 0 THEN 14 ELSE 28 END, CASE WHEN c.h % 3 = 0 THEN 'EMAIL' ELSE 'PHONE' END,
            c.created_by_id, c.opened_at + make_interval(days => 2 + c.h % 10)
       FROM ${hashed}
      WHERE c.category <> 'DOMESTIC_ABUSE' AND c.h % 10 < 7 AND c.opened_at + interval '12 days' < coalesce(c.closed_at, now())
        AND EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.role IN ('COMPLAINANT', 'VICTIM'))`,
  );
  await db.query(
    `INSERT INTO service_standards (agency_id, contact_working_days, action_plan_working_days, homes, updated_by_id) VALUES ($1, 1, 10, 12000, $2)`,
    [landlord.homes, landlord.homesManager],
  );
  // The scheduler would raise an alert for every deadline the history missed; the demo starts from today.
  await db.query(
    `INSERT INTO service_standard_alerts (case_id, standard, due_at)
     SELECT c.id, s.standard, c.opened_at FROM cases c CROSS JOIN (VALUES ('CONTACT_REPORTER'), ('ACTION_PLAN_AGREED')) AS s(standard)
      WHERE c.opened_at < now() - interval '21 days'
     UNION ALL
     SELECT * FROM (
       SELECT p.case_id, 'REPORTER_UPDATED', greatest(p.agreed_at, (SELECT max(k.contacted_at) FROM contacts k WHERE k.case_id = p.case_id)) + make_interval(days => p.update_every_days) AS due_at
         FROM action_plans p
       UNION ALL
       SELECT a.case_id, 'RISK_REVIEWED', a.review_due_at FROM asb_risk_assessments a
       UNION ALL
       SELECT d.case_id, 'RISK_REVIEWED', d.review_due_at FROM dash_assessments d) missed
      WHERE missed.due_at < now()
     ON CONFLICT DO NOTHING`,
  );
}

async function insertRows(db: EntityManager, table: string, columns: string, rows: Row[]): Promise<void> {
  const names = columns
    .split(',')
    .map((column) => column.trim().split(' ')[0])
    .join(', ');
  await db.query(
    `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns})`,
    [JSON.stringify(rows)],
  );
}

/**
 * Loads the demo partnership into a database that has no cases yet, and always returns the demo sign-ins so
 * start-up can print them. Users already there are left as they are: a demo user an administrator deactivated,
 * re-roled or gave a new password stays so, whatever the loader would have made of it.
 */
export async function seedDemoPartnership(dataSource: DataSource): Promise<DemoPartnership> {
  const signIns = [...demoStaff(), DEMO_CASE_REVIEW_SPOC];
  const skipped = {
    loaded: false,
    password: DEMO_PASSWORD,
    signIns,
    administrator: { email: DEMO_ADMIN.email, password: null },
  };
  const [anyCase]: unknown[] = await dataSource.query(`SELECT 1 FROM cases LIMIT 1`);
  if (anyCase) return skipped;
  // argon2 is deliberately slow: one hash serves every demo user but the administrator, hashed only when new.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [adminExists]: unknown[] = await dataSource.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [
    DEMO_ADMIN.email,
  ]);
  const adminPassword = adminExists ? null : randomBytes(18).toString('base64url');
  const adminHash = adminPassword === null ? null : await hashPassword(adminPassword);

  return dataSource.transaction(async (db) => {
    // Two instances starting together must not both seed; the second sees the first's cases.
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('partnership-demo'))`);
    const [seeded]: unknown[] = await db.query(`SELECT 1 FROM cases LIMIT 1`);
    if (seeded) return skipped;

    const agencyRows = [
      ...AGENCY_KEYS.map((key) => AGENCIES[key]),
      { name: ADMINISTRATION_AGENCY, kind: AgencyKind.OTHER },
    ];
    await db.query(
      `INSERT INTO agencies (name, kind) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [agencyRows.map((a) => a.name), agencyRows.map((a) => a.kind)],
    );
    const found: { id: string; name: string }[] = await db.query(
      `SELECT id, name FROM agencies WHERE lower(name) = ANY($1::text[])`,
      [agencyRows.map((a) => a.name.toLowerCase())],
    );
    const agencyIdOf = new Map(found.map((row) => [row.name.toLowerCase(), row.id]));
    const agencyId = (name: string) => agencyIdOf.get(name.toLowerCase()) as string;

    // Only the missing users are added. One that exists (a reset case table, or an account made by hand) keeps
    // its agency, roles, password and deactivation: putting it back "as the demo expects" would undo an
    // administrator's decision, and re-open an account someone chose to close.
    const rows = signIns.map((s) => ({
      email: s.email,
      display_name: s.displayName,
      agency_id: agencyId(s.agency),
      roles: s.roles,
      password_hash: passwordHash,
    }));
    if (adminHash !== null) {
      rows.push({
        email: DEMO_ADMIN.email,
        display_name: DEMO_ADMIN.displayName,
        agency_id: agencyId(ADMINISTRATION_AGENCY),
        roles: [Role.ADMIN],
        password_hash: adminHash,
      });
    }
    const added: { email: string }[] = await db.query(
      `INSERT INTO users (email, display_name, agency_id, roles, password_hash)
       SELECT r.email, r.display_name, r.agency_id, r.roles, r.password_hash
       FROM jsonb_to_recordset($1::jsonb) AS r(email text, display_name text, agency_id uuid, roles text[], password_hash text)
       ON CONFLICT (lower(email)) DO NOTHING
       RETURNING lower(email) AS email`,
      [JSON.stringify(rows)],
    );
    const users: { id: string; email: string }[] = await db.query(
      `SELECT id, lower(email) AS email FROM users WHERE lower(email) = ANY($1::text[])`,
      [signIns.map((s) => s.email)],
    );
    // Created by another instance between the look-up above and the lock: its password is not ours to print.
    const administrator = {
      email: DEMO_ADMIN.email,
      password: added.some((row) => row.email === DEMO_ADMIN.email) ? adminPassword : null,
    };
    // Keyed in lower case: a demo user kept from before may have been written with capitals.
    const userId = new Map(users.map((row) => [row.email, row.id]));
    const byRole = (local: string) =>
      Object.fromEntries(AGENCY_KEYS.map((key) => [key, userId.get(`${local}@${AGENCIES[key].domain}`)])) as Record<
        AgencyKey,
        string
      >;
    const staff: Staff = {
      agency: Object.fromEntries(AGENCY_KEYS.map((key) => [key, agencyId(AGENCIES[key].name)])) as Record<
        AgencyKey,
        string
      >,
      caseworker: byRole('caseworker'),
      manager: byRole('manager'),
    };

    const plan = planDemo(staff, Date.now());
    // References follow the order cases were opened, as if they had been logged one by one.
    await db.query(
      `INSERT INTO cases (id, reference, category, status, risk_level, ward, address, summary, police_intelligence, support_needs,
         opened_at, closed_at, close_reason, owner_agency_id, lead_officer_id, created_by_id, updated_at)
       SELECT r.id, CASE WHEN r.category = 'DOMESTIC_ABUSE' THEN 'DA' ELSE 'ASB' END || '-' || to_char(r.opened_at, 'YYYY') || '-'
           || lpad(nextval('case_reference_seq')::text, 6, '0'),
         r.category, r.status, r.risk_level, r.ward, r.address, r.summary, r.police_intelligence, r.support_needs,
         r.opened_at, r.closed_at, r.close_reason, r.owner_agency_id, r.lead_officer_id, r.created_by_id, r.updated_at
       FROM (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, category text, status text, risk_level text, ward text, address text,
         summary text, police_intelligence text, support_needs text, opened_at timestamptz, closed_at timestamptz, close_reason text,
         owner_agency_id uuid, lead_officer_id uuid, created_by_id uuid, updated_at timestamptz) ORDER BY x.opened_at) r`,
      [JSON.stringify(plan.cases)],
    );
    await insertRows(
      db,
      'parties',
      'case_id uuid, position int, role text, full_name text, address text, phone text, date_of_birth date, ' +
        'anonymous boolean, tenant boolean',
      plan.parties,
    );
    await insertRows(
      db,
      'case_shares',
      'case_id uuid, agency_id uuid, access text, reason text, lawful_basis text, lawful_basis_detail text, consent_state text, consent_detail text, shared_by_id uuid, shared_at timestamptz',
      plan.shares,
    );
    await insertRows(
      db,
      'incidents',
      'case_id uuid, occurred_at timestamptz, category text, description text, location text, ward text, ' +
        'logged_by_id uuid, logged_by_agency_id uuid, logged_at timestamptz',
      plan.incidents,
    );
    await insertRows(
      db,
      'case_actions',
      'case_id uuid, kind text, legal boolean, description text, owner_agency_id uuid, ' +
        'assignee_id uuid, due_at timestamptz, status text, outcome text, created_by_id uuid, created_at timestamptz, ' +
        'completed_at timestamptz',
      plan.actions,
    );
    await insertRows(
      db,
      'contacts',
      'case_id uuid, contacted_at timestamptz, channel text, note text, recorded_by_id uuid, ' +
        'recorded_at timestamptz',
      plan.contacts,
    );
    await seedDemoMeetings(db, {
      chair: userId.get(`marac-chair@${AGENCIES.police.domain}`)!,
      coordinator: userId.get(`marac-coordinator@${AGENCIES.police.domain}`)!,
      agencies: Object.values(staff.agency),
      idva: staff.agency.idva,
    });
    await seedDemoFigures(db, staff);
    await seedDemoCasework(db, { homes: staff.agency.homes, homesManager: staff.manager.homes });
    await seedDemoPeople(db, {
      homes: staff.agency.homes,
      asb: staff.agency.asb,
      homesCaseworker: staff.caseworker.homes,
      homesManager: staff.manager.homes,
    });
    await seedDemoLetters(db, [
      { agency: staff.agency.homes, manager: staff.manager.homes },
      { agency: staff.agency.asb, manager: staff.manager.asb },
    ]);
    await seedDemoTransfers(db, {
      council: staff.agency.asb,
      councilCaseworker: staff.caseworker.asb,
      landlord: staff.agency.homes,
      landlordManager: staff.manager.homes,
    });
    await seedDemoCaseReview(db, {
      asb: staff.agency.asb,
      homes: staff.agency.homes,
      police: staff.agency.police,
      spoc: userId.get(DEMO_CASE_REVIEW_SPOC.email)!,
      chair: userId.get(`marac-chair@${AGENCIES.asb.domain}`)!,
      coordinator: userId.get(`marac-coordinator@${AGENCIES.asb.domain}`)!,
    });
    return { loaded: true, password: DEMO_PASSWORD, signIns, administrator };
  });
}
