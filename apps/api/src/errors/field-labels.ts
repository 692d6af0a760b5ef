/**
 * What a person calls each field the API can refuse, for a message that lists several at once.
 * The `details[].field` stays the code name, for the portal to put each reason at its own field.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  action: 'Action',
  actorId: 'Person',
  agencyMail: 'Agency email',
  amount: 'Amount',
  answer: 'Answer',
  answerWithinWorkingDays: 'Feedback due within',
  answers: 'Answers',
  applicationId: 'Application',
  candidateMessage: 'Message to the candidate',
  clientId: 'Client',
  coverLetterDocumentId: 'Cover letter',
  coverLetterText: 'Cover letter',
  currency: 'Currency',
  currentPassword: 'Current password',
  cursor: 'Page',
  cvDocumentId: 'CV',
  deadline: 'Deadline',
  decision: 'Decision',
  decisionDate: 'Decision date',
  description: 'Description',
  dueAt: 'Due date',
  email: 'Email',
  employmentType: 'Employment type',
  endsAt: 'End time',
  from: 'From',
  fullName: 'Full name',
  givenBy: 'Given by',
  holdUntil: 'Hold until',
  interviewers: 'Interviewers',
  jobId: 'Job',
  keptInformed: 'Kept informed',
  location: 'Location',
  max: 'Maximum',
  message: 'Message',
  min: 'Minimum',
  name: 'Name',
  newPassword: 'New password',
  options: 'Options',
  outcome: 'Outcome',
  password: 'Password',
  pay: 'Pay',
  period: 'Pay period',
  phone: 'Phone',
  pipeline: 'Stages',
  privacyNoticeVersion: 'Privacy notice',
  profileLink: 'Profile link',
  prompt: 'Question',
  q: 'Search',
  rating: 'Rating',
  reason: 'Reason',
  recommendScore: 'How likely to recommend us',
  recruiterId: 'Recruiter',
  replyBy: 'Reply by',
  retentionMonths: 'Keep data for',
  role: 'Role',
  salary: 'Salary',
  startDate: 'Start date',
  startsAt: 'Start time',
  status: 'Status',
  talentPool: 'Talent pool',
  text: 'Your message',
  timeZone: 'Time zone',
  title: 'Title',
  to: 'To',
  token: 'Link',
  words: 'Your words',
  workMode: 'Work mode',
};

/** `salary.min` → "Salary, Minimum"; a field with no label is named "This answer" rather than by its code name. */
export function fieldLabel(field: string): string {
  const parts = field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .map((part) => FIELD_LABELS[part])
    .filter((label): label is string => label !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'This answer';
}
