/**
 * The demo's job descriptions, long enough to read like a real agency's adverts: what the client
 * does, what the role involves and what they look for (the job page lists the interview stages
 * itself). The page shows a description as paragraphs split on blank lines, each line on its own
 * line (`white-space: pre-line`), so lists are plain lines starting with "- ".
 */

/** One paragraph per client, in the order of DEMO_CLIENTS. */
const ABOUT_CLIENT = [
  'Northwind Logistics moves freight for retailers and manufacturers across the Benelux from six depots and two cross-docks. It runs its own fleet and its own planning software, and it promotes from within: most of its managers started on the warehouse floor or in the planning office.',
  'Bluefin Health runs three hospitals and a network of community clinics. Its teams are known for steady rotas, real training budgets and a culture where anyone can stop the line when something looks unsafe.',
  'Kestrel Energy builds, owns and maintains onshore and offshore wind farms and a growing solar portfolio. Its engineers work from the North Sea ports to the control room, and it trains graduates and technicians through its own academy.',
  'Orchard Retail is a home and garden retailer with 200 stores and a fast-growing online shop. It cares about the customer in the aisle and on the app alike, and its head office teams spend a day a month in a store.',
];

interface RoleFamily {
  duties: string[];
  wanted: string[];
}

const FAMILIES = {
  software: {
    duties: [
      'Design, build and run services and screens that colleagues and customers rely on every day',
      'Review code with care and keep the test suite fast and honest',
      'Work with product, design and operations to decide what to build next and why',
      'Share the on-call rota (one week in six, paid) and improve what woke you up',
    ],
    wanted: [
      'Several years of building and running production software in a team',
      'A habit of small, well-tested changes and clear written explanations',
      'Curiosity about the business the software serves',
      'Nice to have: PostgreSQL, cloud infrastructure, accessibility',
    ],
  },
  data: {
    duties: [
      'Turn raw operational data into reports and models that people act on',
      'Own the quality of the datasets you publish, and document them',
      'Explain findings to non-specialists in plain words and simple charts',
    ],
    wanted: [
      'Strong SQL and one analysis language such as Python or R',
      'Experience presenting results to managers and front-line teams',
      'A degree or equivalent experience in a numerate subject',
    ],
  },
  operations: {
    duties: [
      'Plan and run the day so that work arrives on time, safely and within budget',
      'Lead and coach a team, including rotas, reviews and recruitment',
      'Track the numbers that matter and fix the causes, not only the symptoms',
      'Work closely with customers, suppliers and colleagues in other sites',
    ],
    wanted: [
      'Experience running operations or coordinating people in a busy environment',
      'Calm under pressure and clear on the phone and in writing',
      'Confident with spreadsheets and planning systems',
      'A driving licence is helpful for visits to other sites',
    ],
  },
  clinical: {
    duties: [
      'Deliver safe, kind care to patients and support their families',
      'Keep accurate records and take part in handovers and audits',
      'Work with doctors, nurses and therapists as one team around the patient',
      'Support students and newer colleagues',
    ],
    wanted: [
      'The right professional registration for the role, or eligibility for it',
      'Experience in a hospital or community setting',
      'Good judgement, clear communication and respect for patient privacy',
    ],
  },
  field: {
    duties: [
      'Inspect, maintain and repair equipment on site, following the safety plan',
      'Diagnose faults and write clear reports of what was found and done',
      'Work in small teams, sometimes at height or offshore, on a planned rota',
    ],
    wanted: [
      'A technical qualification (mechanical or electrical) or relevant experience',
      'Current safety training, or willingness to complete it with us',
      'Comfort with travel and outdoor work in all seasons',
    ],
  },
  commercial: {
    duties: [
      'Own a set of products, markets or customers and the results they bring',
      'Plan ahead with finance, suppliers and colleagues in stores and online',
      'Use data and feedback to decide what to change, and explain why',
    ],
    wanted: [
      'Experience in a commercial, retail or product role',
      'Confidence with numbers and negotiation',
      'A customer-first way of thinking',
    ],
  },
  people: {
    duties: [
      'Help customers and colleagues with warmth and accuracy, in person, by phone or chat',
      'Keep the space, stock and records in good order',
      'Spot problems early and pass them to the right person',
    ],
    wanted: [
      'Friendly, patient and reliable',
      'Some experience with customers is welcome but not required: we train you',
      'Flexibility to work some weekends on a rota agreed in advance',
    ],
  },
} satisfies Record<string, RoleFamily>;

/** The family a title belongs to: the first rule whose words it contains; anything else reads as operations. */
const FAMILY_BY_WORD: [RegExp, keyof typeof FAMILIES][] = [
  [/electrical|graduate|mechanical|technician/i, 'field'],
  [/engineer|developer|designer/i, 'software'],
  [/data|analyst|trader/i, 'data'],
  [/nurse|pharmac|physio/i, 'clinical'],
  [/safety|project/i, 'operations'],
  [/buyer|product manager|merchandiser/i, 'commercial'],
  [/advisor|assistant|secretary|recruiter/i, 'people'],
];

function familyOf(title: string): RoleFamily {
  return FAMILIES[FAMILY_BY_WORD.find(([words]) => words.test(title))?.[1] ?? 'operations'];
}

export function demoJobDescription(job: { title: string; client: number; summary: string }): string {
  const family = familyOf(job.title);
  return [
    job.summary,
    ABOUT_CLIENT[job.client],
    `What you will do\n${family.duties.map((duty) => `- ${duty}`).join('\n')}`,
    `What we are looking for\n${family.wanted.map((want) => `- ${want}`).join('\n')}`,
    'You will hear back after every interview stage, with a named date for each answer. That is our promise.',
  ].join('\n\n');
}
