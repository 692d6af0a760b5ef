import { demoJobDescription } from './demo-job-descriptions';
import {
  EmploymentType,
  PayPeriod,
  ScreeningQuestionInput,
  ScreeningQuestionKind,
  WorkMode,
} from '@heardback/contracts';

/** The demo agency's clients and open roles: enough variety for the board's search and filters. */
export const DEMO_PASSWORD = 'heardback-demo';

export const DEMO_CLIENTS = ['Northwind Logistics', 'Bluefin Health', 'Kestrel Energy', 'Orchard Retail'];

interface DemoJob {
  title: string;
  client: number;
  location: string;
  workMode: WorkMode;
  employmentType: EmploymentType;
  /** Min, max, currency, and the period when it is not a year (contractors quote a day rate). */
  salary?: [number, number, string, PayPeriod?];
  pipeline: string[];
  summary: string;
  /** Only on jobs the demo does not apply to itself, so its own applications need no answers. */
  screeningQuestions?: ScreeningQuestionInput[];
}

const engineering = ['Phone screen', 'Technical interview', 'Final interview'];
const shortLoop = ['Phone screen', 'Final interview'];

export const DEMO_JOBS: DemoJob[] = [
  {
    title: 'Senior TypeScript Engineer',
    client: 0,
    location: 'Rotterdam',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: [70000, 90000, 'EUR'],
    pipeline: engineering,
    summary: 'Build the route-planning platform that moves 40,000 parcels a day.',
  },
  {
    title: 'Warehouse Operations Manager',
    client: 0,
    location: 'Antwerp',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    salary: [55000, 65000, 'EUR'],
    pipeline: shortLoop,
    summary: 'Lead three shifts across our largest cross-dock.',
    screeningQuestions: [
      { kind: ScreeningQuestionKind.YesNo, prompt: 'Do you have the right to work in Belgium?', required: true },
      { kind: ScreeningQuestionKind.ShortText, prompt: 'What is your notice period?', required: true },
      {
        kind: ScreeningQuestionKind.Choice,
        prompt: 'Which shift pattern suits you best?',
        required: false,
        options: ['Early', 'Late', 'Night', 'Any'],
      },
    ],
  },
  {
    title: 'Data Analyst, Fleet',
    client: 0,
    location: 'Rotterdam',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: [48000, 58000, 'EUR'],
    pipeline: engineering,
    summary: 'Turn telematics into fuel savings and safer drivers.',
  },
  {
    title: 'Transport Planner',
    client: 0,
    location: 'Utrecht',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    pipeline: shortLoop,
    summary: 'Plan daily routes for 120 vehicles.',
  },
  {
    title: 'Site Reliability Engineer',
    client: 0,
    location: 'Remote (EU)',
    workMode: WorkMode.Remote,
    employmentType: EmploymentType.Contract,
    salary: [600, 750, 'EUR', PayPeriod.Day],
    pipeline: engineering,
    summary: 'Keep tracking and dispatch up through peak season.',
  },
  {
    title: 'Registered Nurse, Cardiology',
    client: 1,
    location: 'Leeds',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    salary: [34000, 42000, 'GBP'],
    pipeline: shortLoop,
    summary: 'Join a 24-bed cardiology ward with a strong mentoring culture.',
  },
  {
    title: 'Clinical Data Manager',
    client: 1,
    location: 'Manchester',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: [45000, 55000, 'GBP'],
    pipeline: engineering,
    summary: 'Own data quality across three clinical trials.',
  },
  {
    title: 'Frontend Engineer (Angular)',
    client: 1,
    location: 'Remote (UK)',
    workMode: WorkMode.Remote,
    employmentType: EmploymentType.FullTime,
    salary: [55000, 70000, 'GBP'],
    pipeline: engineering,
    summary: 'Build the patient portal used by 300,000 people.',
  },
  {
    title: 'Healthcare Recruiter',
    client: 1,
    location: 'Leeds',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.PartTime,
    pipeline: shortLoop,
    summary: 'Hire nurses and allied health professionals.',
  },
  {
    title: 'Pharmacist',
    client: 1,
    location: 'Sheffield',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    salary: [42000, 50000, 'GBP'],
    pipeline: shortLoop,
    summary: 'Hospital pharmacy with a focus on oncology.',
  },
  {
    title: 'Physiotherapist',
    client: 1,
    location: 'York',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.PartTime,
    pipeline: shortLoop,
    summary: 'Outpatient musculoskeletal clinic, 3 days a week.',
  },
  {
    title: 'Medical Secretary',
    client: 1,
    location: 'Leeds',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.Temporary,
    pipeline: ['Phone screen'],
    summary: 'Six-month cover in a busy outpatient department.',
  },
  {
    title: 'Wind Turbine Technician',
    client: 2,
    location: 'Esbjerg',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    salary: [480000, 560000, 'DKK'],
    pipeline: shortLoop,
    summary: 'Service offshore turbines with a close-knit crew.',
  },
  {
    title: 'Electrical Engineer, Grid',
    client: 2,
    location: 'Hamburg',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: [65000, 80000, 'EUR'],
    pipeline: engineering,
    summary: 'Connect new solar parks to the grid.',
  },
  {
    title: 'Energy Trader',
    client: 2,
    location: 'Amsterdam',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    salary: [80000, 110000, 'EUR'],
    pipeline: engineering,
    summary: 'Trade intraday power across European markets.',
  },
  {
    title: 'Python Developer, Forecasting',
    client: 2,
    location: 'Remote (EU)',
    workMode: WorkMode.Remote,
    employmentType: EmploymentType.FullTime,
    salary: [60000, 75000, 'EUR'],
    pipeline: engineering,
    summary: 'Forecast wind output with machine learning.',
  },
  {
    title: 'Health and Safety Advisor',
    client: 2,
    location: 'Aberdeen',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.Contract,
    pipeline: shortLoop,
    summary: 'Keep offshore teams safe during a major refit.',
  },
  {
    title: 'Project Manager, Solar',
    client: 2,
    location: 'Madrid',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: [55000, 70000, 'EUR'],
    pipeline: engineering,
    summary: 'Deliver three utility-scale solar parks.',
  },
  {
    title: 'Graduate Engineer',
    client: 2,
    location: 'Hamburg',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.Internship,
    pipeline: shortLoop,
    summary: 'A two-year rotation through our engineering teams.',
  },
  {
    title: 'Store Manager',
    client: 3,
    location: 'Bristol',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    salary: [38000, 45000, 'GBP'],
    pipeline: shortLoop,
    summary: 'Run a flagship store with 40 colleagues.',
  },
  {
    title: 'E-commerce Product Manager',
    client: 3,
    location: 'London',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: [70000, 85000, 'GBP'],
    pipeline: engineering,
    summary: 'Own checkout and delivery promises online.',
  },
  {
    title: 'Visual Merchandiser',
    client: 3,
    location: 'Bath',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.PartTime,
    pipeline: shortLoop,
    summary: 'Make our stores a joy to walk into.',
  },
  {
    title: 'Backend Engineer (Node.js)',
    client: 3,
    location: 'London',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: [65000, 80000, 'GBP'],
    pipeline: engineering,
    summary: 'Scale the order and stock services.',
  },
  {
    title: 'Customer Service Advisor',
    client: 3,
    location: 'Remote (UK)',
    workMode: WorkMode.Remote,
    employmentType: EmploymentType.PartTime,
    pipeline: ['Phone screen'],
    summary: 'Help customers by chat and phone.',
  },
  {
    title: 'Buyer, Home and Garden',
    client: 3,
    location: 'London',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: [45000, 55000, 'GBP'],
    pipeline: shortLoop,
    summary: 'Choose what 200 stores sell next spring.',
  },
  {
    title: 'Seasonal Sales Assistant',
    client: 3,
    location: 'Cardiff',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.Temporary,
    pipeline: ['Phone screen'],
    summary: 'Join us for the busy winter season.',
  },
  {
    title: 'UX Designer',
    client: 3,
    location: 'London',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.Contract,
    salary: [450, 550, 'GBP', PayPeriod.Day],
    pipeline: engineering,
    summary: 'Redesign returns so they take one minute.',
  },
  {
    title: 'Logistics Coordinator',
    client: 0,
    location: 'Ghent',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    pipeline: shortLoop,
    summary: 'Coordinate inbound freight from three ports.',
  },
  {
    title: 'Security Engineer',
    client: 1,
    location: 'Remote (UK)',
    workMode: WorkMode.Remote,
    employmentType: EmploymentType.FullTime,
    salary: [70000, 90000, 'GBP'],
    pipeline: engineering,
    summary: 'Protect patient data across every system.',
  },
  {
    title: 'Mechanical Technician',
    client: 2,
    location: 'Esbjerg',
    workMode: WorkMode.Onsite,
    employmentType: EmploymentType.FullTime,
    pipeline: shortLoop,
    summary: 'Maintain gearboxes and blade pitch systems.',
  },
];

export function describeJob(job: DemoJob): string {
  return demoJobDescription(job);
}

export const DEMO_CANDIDATES = [
  'Amara Okafor',
  'Bastien Leroy',
  'Chen Wei',
  'Dagny Holm',
  'Elif Yildiz',
  'Farah Haddad',
  'Gustavo Pereira',
];

/**
 * The people at each demo client (by DEMO_CLIENTS index): interviewers are picked from them, and
 * their review links are emailed to addresses at example.com's subdomains, which never deliver.
 */
export const DEMO_CLIENT_CONTACTS: { fullName: string; role: string }[][] = [
  [
    { fullName: 'Helen Marsh', role: 'Head of Engineering' },
    { fullName: 'Tomasz Nowak', role: 'Operations Director' },
    { fullName: 'Grace Adeyemi', role: 'Talent Partner' },
  ],
  [
    { fullName: 'Priya Raman', role: 'Head of Digital Services' },
    { fullName: 'Owen Hughes', role: 'Chief Pharmacist' },
    { fullName: 'Sofia Mendes', role: 'Ward Manager' },
  ],
  [
    { fullName: 'Marcus Bell', role: 'Grid Engineering Lead' },
    { fullName: 'Aisha Khan', role: 'Head of Trading' },
    { fullName: 'Liam Byrne', role: 'Recruitment Lead' },
  ],
  [
    { fullName: 'Nina Patel', role: 'Head of Digital' },
    { fullName: 'James Whitfield', role: 'Engineering Lead' },
    { fullName: 'Ruth Adams', role: 'People Manager' },
  ],
];

/** firstname.lastname@northwind-logistics.example.com */
export function demoContactEmail(fullName: string, clientName: string): string {
  const slug = (text: string, joiner: string) => text.toLowerCase().split(/\s+/).join(joiner);
  return `${slug(fullName, '.')}@${slug(clientName, '-')}.example.com`;
}
