import { CandidateApplicationView, CandidateUpdateKind } from '@heardback/contracts';
import { DateTimeOptions, formatDateTime } from '../core/date-time';

/** What a request for an update says when the candidate adds nothing: the API needs some words. */
export const DEFAULT_UPDATE_REQUEST_TEXT = 'Could you tell me where my application stands?';

/** The kinds the "Tell your recruiter" form offers (asking for an update has its own button). */
export type TellKind = Exclude<CandidateUpdateKind, CandidateUpdateKind.RequestUpdate>;

export interface TellKindWords {
  /** The radio button. */
  option: string;
  /** The label of the text box. */
  label: string;
  hint: string;
  /** Said once it is sent. */
  sent: string;
}

export const TELL_KINDS: Record<TellKind, TellKindWords> = {
  [CandidateUpdateKind.OtherOffer]: {
    option: 'Another offer',
    label: 'About the offer',
    hint: 'For example: “An offer from another company; they need my answer by Friday.”',
    sent: 'Sent. Your recruiter knows about your other offer.',
  },
  [CandidateUpdateKind.Availability]: {
    option: 'Your availability',
    label: 'When you are available',
    hint: 'For example: days you are away, your notice period, the best times for interviews.',
    sent: 'Sent. Your recruiter knows when you are available.',
  },
  [CandidateUpdateKind.Note]: {
    option: 'Something else',
    label: 'Your note',
    hint: 'Anything your recruiter should know about this application.',
    sent: 'Sent. Your recruiter can read your note.',
  },
};

/**
 * What the candidate reads after asking for an update: when the recruiter will answer, from the
 * deadline the API sends (never read out of the timeline's words).
 */
export function updateRequestConfirmation(
  application: Pick<CandidateApplicationView, 'updateRequestAnswerDueAt'>,
  options: DateTimeOptions = {},
): string {
  const dueAt = application.updateRequestAnswerDueAt;
  return dueAt
    ? `Sent. Your recruiter will answer by ${formatDateTime(dueAt, options)}.`
    : 'Sent. You can see it under “What has happened”.';
}
