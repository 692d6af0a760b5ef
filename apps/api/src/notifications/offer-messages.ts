import { OfferAnswer, OfferPay, PayPeriod } from '@heardback/contracts';
import { formatCalendarDay } from '../config/agency-time';
import { Email } from './agency-messages';
import { greeting } from './greeting';
import { quotedWords } from './quoted-words';

/**
 * Every sentence about an offer (issue 10, item 7): first what the candidate reads (their timeline
 * and emails), then what agency people read. Times and dates arrive already written out.
 */

const PER: Record<PayPeriod, string> = {
  [PayPeriod.Year]: 'a year',
  [PayPeriod.Day]: 'a day',
  [PayPeriod.Hour]: 'an hour',
};

/** "55,000 EUR a year". */
export function payText(pay: OfferPay): string {
  return `${pay.amount.toLocaleString('en-GB')} ${pay.currency} ${PER[pay.period]}`;
}

/** A calendar date (YYYY-MM-DD) in words, with no time zone to shift it: "Monday, 4 February 2030". */
export function startDateText(date: string): string {
  return formatCalendarDay(date);
}

export interface OfferTermsFacts {
  title: string;
  clientName: string;
  pay: OfferPay | null;
  startDate: string | null;
  message: string | null;
  replyBy: string;
}

// What the candidate reads.

/** The offer itself, on the timeline and in the email that carries it. */
export function offerMadeText(offer: OfferTermsFacts): string {
  return [
    `Good news: ${offer.clientName} offers you the role of ${offer.title}.`,
    ...(offer.pay ? [`Pay: ${payText(offer.pay)}.`] : []),
    ...(offer.startDate ? [`Proposed start date: ${startDateText(offer.startDate)}.`] : []),
    ...(offer.message ? [offer.message] : []),
    `Please accept or decline it on your application page by ${offer.replyBy}.`,
  ].join(' ');
}

export const OFFER_ACCEPTED_TEXT = 'You accepted the offer. Congratulations: you are hired!';

export function offerDeclinedText(reason: string | null): string {
  return reason
    ? `You declined the offer: "${reason}". This application is now closed.`
    : 'You declined the offer. This application is now closed.';
}

/** The reply-by date passed with no answer: one polite reminder, never a complaint. */
export function offerReplyNudgeText(replyBy: string): string {
  return `A gentle reminder: we asked for your reply to the offer by ${replyBy}. The offer is on your application page; please accept or decline it there, or tell your recruiter if you need more time.`;
}

/** The candidate's own confirmation of their answer (the portal showed it; this is their record). */
export function offerAnswerConfirmationEmail(facts: {
  candidateName: string;
  jobTitle: string;
  clientName: string;
  answer: OfferAnswer.Accepted | OfferAnswer.Declined;
  reason: string | null;
  link: string;
  /** Accepting closes the application as hired: its "how did we do" questions (`howWeDidEmailLines`). */
  howWeDid?: string[] | null;
}): Email {
  const accepted = facts.answer === OfferAnswer.Accepted;
  return {
    subject: `${accepted ? 'You accepted the offer' : 'You declined the offer'}: ${facts.jobTitle} at ${facts.clientName}`,
    body: [
      greeting(facts.candidateName),
      '',
      accepted
        ? `This confirms that you accepted the offer for ${facts.jobTitle} at ${facts.clientName}. Congratulations! Your recruiter has been told and will be in touch about your first day.`
        : `This confirms that you declined the offer for ${facts.jobTitle} at ${facts.clientName}${facts.reason ? `, saying: "${facts.reason}"` : ''}. Your recruiter has been told, and this application is now closed. Thank you for your time.`,
      '',
      ...(facts.howWeDid ? [...facts.howWeDid, ''] : []),
      `Your application: ${facts.link}`,
      '',
      `Heardback, for ${facts.clientName}`,
    ].join('\n'),
  };
}

// What agency people read.

/** To the application's recruiter, at once: the candidate's answer, and their reason if they declined. */
export function offerAnsweredEmail(facts: {
  recipientName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  answer: OfferAnswer.Accepted | OfferAnswer.Declined;
  reason: string | null;
  link: string;
}): Email {
  const accepted = facts.answer === OfferAnswer.Accepted;
  const why = facts.reason ? ` Their reason, in their words:\n\n${quotedWords(facts.reason)}` : ' They gave no reason.';
  return {
    subject: `${facts.candidateName} ${accepted ? 'accepted' : 'declined'} the offer (${facts.jobTitle})`,
    body: `${greeting(facts.recipientName)}\n\n${facts.candidateName} ${
      accepted
        ? `accepted the offer for ${facts.jobTitle} at ${facts.clientName}: the application is now Hired. Please let the client know and agree the first day.`
        : `declined the offer for ${facts.jobTitle} at ${facts.clientName}, and the application is closed.${why}`
    }\n\n${facts.link}\n\nHeardback`,
  };
}

export function offerReplyPassedText(replyBy: string, recipients: readonly { full_name: string }[]): string {
  const names = recipients.map((person) => person.full_name).join(', ') || 'nobody (no recruiter found)';
  return `The candidate's reply to the offer was due by ${replyBy} and has not come: ${names} alerted, and the candidate reminded once.`;
}

export function offerReplyEscalatedText(replyBy: string): string {
  return `The reply to the offer (due ${replyBy}) is a working day overdue: escalated to agency staff.`;
}

export interface OfferReplyFacts {
  recipientName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  replyBy: string;
  link: string;
}

/** To the owner when the reply-by date passes: call the candidate, then extend the date or close. */
export function offerReplyPassedEmail(facts: OfferReplyFacts): Email {
  return {
    subject: `No reply to the offer yet: ${facts.candidateName} (${facts.jobTitle})`,
    body: `${greeting(facts.recipientName)}\n\n${facts.candidateName} was asked to reply to the offer for ${facts.jobTitle} at ${facts.clientName} by ${facts.replyBy}, and has not. They have been reminded once. Please call them today, then give them a new reply-by date or close the application: ${facts.link}\n\nHeardback`,
  };
}

/** To staff a working day later, if the offer is still unanswered. */
export function offerReplyEscalationEmail(facts: OfferReplyFacts): Email {
  return {
    subject: `Escalation: offer unanswered a working day after its date (${facts.candidateName}, ${facts.jobTitle})`,
    body: `${greeting(facts.recipientName)}\n\n${facts.candidateName}'s reply to the offer for ${facts.jobTitle} at ${facts.clientName} was due by ${facts.replyBy}. Their recruiter was alerted, and a working day later the offer is still unanswered with no new date. Please make sure someone speaks to the candidate today: ${facts.link}\n\nHeardback`,
  };
}
