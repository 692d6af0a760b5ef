import { FeedbackDecision, PromiseKind, RATING_MAX } from '@heardback/contracts';
import { ReminderTiming } from '@heardback/domain';
import { greeting } from './greeting';
import { quotedWords } from './quoted-words';

/**
 * Every sentence agency people read from the system: internal timeline entries (never shown to
 * the candidate) and the reminder and escalation emails. Times arrive already written out.
 * The candidate's words are in candidate-messages.ts.
 */

export interface Email {
  subject: string;
  body: string;
}

function names(people: readonly { full_name: string }[]): string {
  return people.map((person) => person.full_name).join(', ') || 'nobody (no recruiter found)';
}

// Internal timeline entries.

/** "Riley scheduled Technical with Ada, Grace Hopper (client, CTO)": picked client contacts are marked as such. */
export function interviewScheduledByText(
  actorName: string,
  stageName: string,
  interviewers: readonly string[],
  clientInterviewers: readonly { fullName: string; role: string }[] = [],
): string {
  const fromClient = clientInterviewers.map(({ fullName, role }) => `${fullName} (client${role ? `, ${role}` : ''})`);
  return `${actorName} scheduled ${stageName} with ${[...interviewers, ...fromClient].join(', ') || 'no interviewers named'}.`;
}

export function feedbackRecordedByText(
  actorName: string,
  feedback: { decision: FeedbackDecision; rating: number; stageName: string; givenBy?: string | null },
): string {
  const onBehalf = feedback.givenBy ? ` on behalf of ${feedback.givenBy}` : '';
  return `${actorName} recorded "${feedback.decision}" with rating ${feedback.rating}/${RATING_MAX} on ${feedback.stageName}${onBehalf}.`;
}

const REMINDER_SAYS: Record<ReminderTiming, (due: string) => string> = {
  ahead: (due) => `is due ${due}`,
  now: () => 'is due now',
  overdue: (due) => `has been overdue since ${due}`,
};

export function feedbackReminderSentText(
  recipients: readonly { full_name: string }[],
  stageName: string,
  timing: ReminderTiming,
  due: string,
): string {
  return `Reminder sent to ${names(recipients)}: feedback on ${stageName} ${REMINDER_SAYS[timing](due)}.`;
}

export function feedbackEscalatedText(stageName: string): string {
  return `Feedback on ${stageName} is a working day overdue: escalated to agency staff.`;
}

export function feedbackSecondEscalatedText(stageName: string, ownerName: string | null, leads: boolean): string {
  const whom = leads ? 'the agency leads' : 'all agency staff again (there is no agency lead)';
  return `The escalation of ${stageName} was left for a working day (${ownerName ?? 'nobody'} still owns it): told ${whom}.`;
}

/** "Stage Technical reassigned from Ann Recruiter to Bob Recruiter by Sam Staff." */
export function reassignedText(change: {
  stageName: string | null;
  fromName: string | null;
  toName: string;
  byName: string;
}): string {
  const what = change.stageName ? `Stage ${change.stageName}` : 'Application';
  return `${what} reassigned from ${change.fromName ?? 'nobody'} to ${change.toName} by ${change.byName}.`;
}

export function updateRequestReminderSentText(due: string, recipients: readonly { full_name: string }[]): string {
  return `The candidate's request for an update was due an answer by ${due}: reminder sent to ${names(recipients)}.`;
}

export function decisionDateEscalatedText(when: string): string {
  return `The candidate's decision date (${when}) passed without an answer: escalated to agency staff.`;
}

// Emails to recruiters and staff.

export interface OverdueFeedbackFacts {
  recipientName: string;
  candidateName: string;
  stageName: string;
  jobTitle: string;
  clientName: string;
  /** Whose work the stage is (`stage_owner`), whom an escalation asks staff to chase; null when nobody's. */
  ownerName: string | null;
  due: string;
  link: string;
}

function aboutStage(facts: OverdueFeedbackFacts): string {
  return `${facts.candidateName}, ${facts.stageName} (${facts.jobTitle})`;
}

const REMINDER_SUBJECT: Record<ReminderTiming, (facts: OverdueFeedbackFacts) => string> = {
  ahead: (facts) => `Feedback due ${facts.due}: ${aboutStage(facts)}`,
  now: (facts) => `Feedback due now: ${aboutStage(facts)}`,
  overdue: (facts) => `Feedback overdue since ${facts.due}: ${aboutStage(facts)}`,
};

const REMINDER_CONSEQUENCE: Record<ReminderTiming, string> = {
  ahead: '',
  now: ' It is now due; the candidate will be told it is late.',
  overdue: ' It is overdue; the candidate has been told it is late.',
};

export function feedbackReminderEmail(facts: OverdueFeedbackFacts, timing: ReminderTiming): Email {
  return {
    subject: REMINDER_SUBJECT[timing](facts),
    body: `${greeting(facts.recipientName)}\n\nFeedback for ${facts.candidateName}'s ${facts.stageName} for ${facts.jobTitle} at ${facts.clientName} ${timing === 'overdue' ? 'was' : 'is'} due ${facts.due}.${REMINDER_CONSEQUENCE[timing]}\n\nRecord it here: ${facts.link}\n\nHeardback`,
  };
}

export function feedbackEscalationEmail(facts: OverdueFeedbackFacts): Email {
  return {
    subject: `Escalation: feedback a working day overdue for ${aboutStage(facts)}`,
    body: `${greeting(facts.recipientName)}\n\nFeedback for ${facts.candidateName}'s ${facts.stageName} for ${facts.jobTitle} at ${facts.clientName} was due ${facts.due} and is still missing. The candidate has been told it is late.\n\n${whomToChase(facts)}\n\nPlease make sure it is recorded today, or reassign the stage from the escalations page: ${facts.link}\n\nHeardback`,
  };
}

export function overdueUpdateRequestEmail(facts: {
  recipientName: string;
  candidateName: string;
  jobTitle: string;
  requestText: string;
  due: string;
  link: string;
}): Email {
  return {
    subject: `Overdue: ${facts.candidateName} asked for an update (${facts.jobTitle})`,
    body: `${greeting(facts.recipientName)}\n\n${facts.candidateName} asked for an update and was promised an answer by ${facts.due}. They wrote:\n\n${quotedWords(facts.requestText)}\n\nPlease write to them today: ${facts.link}\n\nHeardback`,
  };
}

export function decisionDatePassedEmail(facts: {
  recipientName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  /** Whose work the application is (`stage_owner` of its current stage); null when nobody's. */
  ownerName: string | null;
  when: string;
  link: string;
}): Email {
  const whose = facts.ownerName
    ? `Whom to chase: ${facts.ownerName}, whose work this application is.`
    : 'Nobody owns this application: reassign it, or write to the candidate yourself.';
  return {
    subject: `Escalation: ${facts.candidateName}'s decision date has passed (${facts.jobTitle})`,
    body: `${greeting(facts.recipientName)}\n\n${facts.candidateName} told us they would move on after ${facts.when} (${facts.jobTitle} at ${facts.clientName}), and nobody has answered them since.\n\n${whose}\n\nPlease make sure they hear from us today: ${facts.link}\n\nHeardback`,
  };
}

function whomToChase(facts: OverdueFeedbackFacts): string {
  return facts.ownerName
    ? `Whom to chase: ${facts.ownerName}, whose work this stage is and who has been reminded.`
    : 'Nobody owns this work: every recruiter was reminded. Reassign it, or record the feedback yourself.';
}

/** The second level: an escalation nobody acted on for a working day, to the agency leads. */
export function feedbackSecondEscalationEmail(facts: OverdueFeedbackFacts & { escalatedAt: string }): Email {
  return {
    subject: `Escalation left: feedback still missing for ${aboutStage(facts)}`,
    body: `${greeting(facts.recipientName)}\n\nFeedback for ${facts.candidateName}'s ${facts.stageName} for ${facts.jobTitle} at ${facts.clientName} was due ${facts.due}. Staff were told on ${facts.escalatedAt}, and a working day later it is still missing and has not been reassigned.\n\n${whomToChase(facts)}\n\nPlease record it or reassign it today: ${facts.link}\n\nHeardback`,
  };
}

export interface AssignedWorkFacts {
  recipientName: string;
  byName: string;
  /** Each application given, with the stages now theirs and when each is due (already written out). */
  work: { candidateName: string; jobTitle: string; link: string; stages: { name: string; due: string | null }[] }[];
}

/** One email to the new owner for one reassignment, however many applications moved. */
export function workAssignedEmail(facts: AssignedWorkFacts): Email {
  const count = facts.work.length;
  const first = facts.work[0];
  const subject =
    count === 1
      ? `Now yours: ${first.candidateName} (${first.jobTitle})`
      : `Now yours: ${count} applications, from ${first.candidateName} (${first.jobTitle})`;
  const lines = facts.work.map((item) => {
    const stages = item.stages.length
      ? item.stages.map((stage) => `${stage.name} (${stage.due ? `feedback due ${stage.due}` : 'no feedback due yet'})`)
      : ['no stage waiting'];
    return `- ${item.candidateName}, ${item.jobTitle}: ${stages.join('; ')}\n  ${item.link}`;
  });
  return {
    subject,
    body: `${greeting(facts.recipientName)}\n\n${facts.byName} gave you this work; reminders and escalations now come to you.\n\n${lines.join('\n')}\n\nHeardback`,
  };
}

/** What a candidate was promised, as agency people read it ("the answer about their Technical"). */
export function promisedToCandidate(kind: PromiseKind, stageName: string | null): string {
  const stage = stageName ? `their ${stageName}` : 'their interview';
  switch (kind) {
    case PromiseKind.Screening:
      return 'a decision on whether they move forward';
    case PromiseKind.Answer:
      return `the answer about ${stage}`;
    case PromiseKind.NextStep:
      return stageName ? `the date of ${stage}` : 'their next step';
    case PromiseKind.Hold:
      return `news on ${stage}, on hold`;
    case PromiseKind.UpdateRequest:
      return 'an answer to their question';
    case PromiseKind.OfferReply:
      return 'a call about the offer before their reply-by date';
  }
}

/** A promise to a candidate lapsed with nobody acting: the owner is chased (and, when it lapses again, staff). */
export function promiseLapsedEmail(facts: {
  recipientName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  /** `promisedToCandidate()`. */
  promised: string;
  was: string;
  newDue: string;
  ownerName: string | null;
  again: boolean;
  link: string;
}): Email {
  const owner = facts.ownerName ? ` ${facts.ownerName} owns it.` : ' Nobody owns this job.';
  return {
    subject: `${facts.again ? 'Escalation' : 'Overdue'}: ${facts.candidateName} was promised ${facts.promised} by ${facts.was} (${facts.jobTitle})`,
    body: `${greeting(facts.recipientName)}\n\n${facts.candidateName} (${facts.jobTitle} at ${facts.clientName}) was promised ${facts.promised} by ${facts.was}, and nobody acted.${owner} We have told them we are chasing it and that they will hear by ${facts.newDue}.${facts.again ? ' This is the second date missed in a row.' : ''} Please act, or move the date with a reason: ${facts.link}\n\nHeardback`,
  };
}

export function promiseChasedText(promised: string, recipients: readonly { full_name: string }[]): string {
  return `The promise of ${promised} lapsed; chased ${recipients.map((person) => person.full_name).join(', ') || 'nobody (no recipient)'}.`;
}
// The digest of reminders an agency person chose to get hourly or daily (ADR 0014).

export interface DigestItem {
  subject: string;
  body: string;
  /** When it was written, already in the reader's zone. */
  written: string;
}

/** An email's own words, without the greeting and the signature every agency email carries. */
function coreOf(body: string): string {
  return body.replace(/^Hello[^\n]*,\n\n/, '').replace(/\n\nHeardback\s*$/, '');
}

function thingsNeedYou(count: number): string {
  return count === 1 ? '1 thing needs you' : `${count} things need you`;
}

const PREFERENCE_WORDS = { hourly: 'an hourly digest', daily: 'a daily digest' } as const;

export function agencyDigestEmail(facts: {
  recipientName: string;
  /** The digest's time for the subject, short: "Tue 8 Dec, 10:00". */
  windowShort: string;
  /** The same time in full, with its zone. */
  windowLong: string;
  preference: keyof typeof PREFERENCE_WORDS | 'immediate';
  items: readonly DigestItem[];
  accountLink: string;
}): Email {
  const sections = facts.items.map(
    (item, index) => `${index + 1}. ${item.subject}\n(written ${item.written})\n\n${coreOf(item.body)}`,
  );
  const why =
    facts.preference === 'immediate'
      ? 'You now get these one by one as they happen; this digest carries what was waiting.'
      : `You chose ${PREFERENCE_WORDS[facts.preference]}; escalations still reach you at once.`;
  return {
    subject: `Heardback: ${thingsNeedYou(facts.items.length)} — digest for ${facts.windowShort}`,
    body: `${greeting(facts.recipientName)}\n\n${thingsNeedYou(facts.items.length)}, in the order they came up (digest for ${facts.windowLong}):\n\n${sections.join('\n\n---\n\n')}\n\n${why} Change how we email you: ${facts.accountLink}\n\nHeardback`,
  };
}

/**
 * A candidate applied to a job whose work is the recipient's (issue 10, item 4). It may wait for
 * their digest: the candidate was promised an answer days away, and the promise chases if it lapses.
 */
export function applicationArrivedEmail(facts: {
  recipientName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  /** When they applied, and the date they were promised a decision by, both written out. */
  applied: string;
  decisionBy: string | null;
  link: string;
}): Email {
  const promised = facts.decisionBy
    ? ` They have been promised a decision on whether they move forward by ${facts.decisionBy}.`
    : '';
  return {
    subject: `New application: ${facts.candidateName} for ${facts.jobTitle} (${facts.clientName})`,
    body: `${greeting(facts.recipientName)}\n\n${facts.candidateName} applied for ${facts.jobTitle} at ${facts.clientName} on ${facts.applied}.${promised}\n\nScreen the application here: ${facts.link}\n\nHeardback`,
  };
}
