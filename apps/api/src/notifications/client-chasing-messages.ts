import { ReminderTiming } from '@heardback/domain';
import { Email } from './agency-messages';
import { greeting } from './greeting';

/**
 * The words of the client's ladder (issue 13, ADR 0032): the escalations agency people get when a
 * client interviewer stays silent, and the internal timeline entries that record each step. The
 * reminder the interviewer gets is the review loop's (`clientReviewReminderEmail` in
 * client-review-messages.ts), so the client reads one voice. Times arrive already written out.
 */

/** Whom a step is about: a client interviewer on one stage of one application. */
export interface SilentInterviewerFacts {
  contactName: string;
  contactEmail: string;
  /** Their role at the client ("Head of Engineering"); empty when not known. */
  contactRole: string;
  clientName: string;
  candidateName: string;
  stageName: string;
  jobTitle: string;
  /** When the candidate was promised an answer, written out for the recipient. */
  due: string;
}

function interviewer(facts: Pick<SilentInterviewerFacts, 'contactName' | 'clientName'>): string {
  return `${facts.contactName} (${facts.clientName})`;
}

// Emails to agency people.

/** To the stage's owner, a working day after the due time: the interviewer has not answered. */
export function clientSilentEscalationEmail(
  facts: SilentInterviewerFacts & { recipientName: string; link: string },
): Email {
  const role = facts.contactRole ? `, ${facts.contactRole}` : '';
  return {
    subject: `Client silent: ${interviewer(facts)} has not given feedback on ${facts.candidateName}, ${facts.stageName}`,
    body:
      `${greeting(facts.recipientName)}\n\n` +
      `${facts.contactName}${role} at ${facts.clientName} interviewed ${facts.candidateName} for ${facts.jobTitle} (${facts.stageName}). ` +
      `Feedback was due ${facts.due}; they were reminded before and at that time with their review link, and have not answered.\n\n` +
      `Please call or write to them today (${facts.contactEmail}), or record the feedback yourself: ${facts.link}\n\nHeardback`,
  };
}

/** To the client's account owner (or the agency leads), a working day after the owner was told. */
export function clientSilentSecondEscalationEmail(
  facts: SilentInterviewerFacts & {
    recipientName: string;
    ownerName: string | null;
    escalatedAt: string;
    asAccountOwner: boolean;
    link: string;
  },
): Email {
  const why = facts.asAccountOwner
    ? `As ${facts.clientName}'s account owner, please take it up with them.`
    : `${facts.clientName} has no account owner, so the agency leads are told: please take it up with them.`;
  return {
    subject: `Client still silent: ${interviewer(facts)} on ${facts.candidateName}, ${facts.stageName}`,
    body:
      `${greeting(facts.recipientName)}\n\n` +
      `${facts.contactName} at ${facts.clientName} still has not given feedback on ${facts.candidateName}'s ${facts.stageName} for ${facts.jobTitle}, due ${facts.due}. ` +
      `${facts.ownerName ?? 'Agency staff'} ${facts.ownerName ? 'was' : 'were'} told on ${facts.escalatedAt}.\n\n` +
      `${why} Their address: ${facts.contactEmail}. The application: ${facts.link}\n\nHeardback`,
  };
}

// Internal timeline entries (never shown to the candidate).

const DUE_SAYS: Record<ReminderTiming, (due: string) => string> = {
  ahead: (due) => `is due ${due}`,
  now: () => 'is due now',
  overdue: (due) => `has been overdue since ${due}`,
};

export function clientReminderSentText(
  facts: Pick<SilentInterviewerFacts, 'contactName' | 'clientName' | 'stageName' | 'due'>,
  timing: ReminderTiming,
): string {
  return `Reminder sent to client interviewer ${interviewer(facts)} with a new review link: their feedback on ${facts.stageName} ${DUE_SAYS[timing](facts.due)}.`;
}

export function clientSilentEscalatedText(
  facts: Pick<SilentInterviewerFacts, 'contactName' | 'clientName' | 'stageName'>,
  toldNames: readonly { full_name: string }[],
): string {
  const told = toldNames.map((person) => person.full_name).join(', ') || 'nobody (no agency user found)';
  return `Client interviewer ${interviewer(facts)} has not answered on ${facts.stageName}, a working day overdue: told ${told}.`;
}

export function clientSilentSecondEscalatedText(
  facts: Pick<SilentInterviewerFacts, 'contactName' | 'clientName' | 'stageName'>,
  told: { accountOwner: string | null; leads: boolean },
): string {
  const whom = told.accountOwner
    ? `the client's account owner, ${told.accountOwner}`
    : told.leads
      ? 'the agency leads (the client has no account owner)'
      : 'all agency staff (the client has no account owner and the agency no lead)';
  return `Client interviewer ${interviewer(facts)} is still silent on ${facts.stageName} a working day after the escalation: told ${whom}.`;
}
