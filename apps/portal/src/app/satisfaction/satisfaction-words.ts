import {
  RECOMMEND_SCORE_MAX,
  RECOMMEND_SCORE_MIN,
  SATISFACTION_MIN_RESPONSES,
  SatisfactionAnswer,
} from '@heardback/contracts';
import { formatDate } from '../core/date-time';

/**
 * Every sentence a candidate reads about "how did we do" in the portal (the email's are in
 * apps/api/src/notifications/satisfaction-messages.ts): the questions, the scale's labels, and what
 * the page says before and after an answer.
 */
export const SATISFACTION_WORDS = {
  pageTitle: 'How did we do?',
  intro: (jobTitle: string, clientName: string) =>
    `Your application for ${jobTitle} at ${clientName} has closed. Two quick questions about how we kept you informed.`,
  anonymity: `Your recruiter never sees your name beside your answer, and sees no answers at all until at least ${SATISFACTION_MIN_RESPONSES} of their candidates have given one.`,
  recommendQuestion: 'How likely are you to recommend us?',
  keptInformedQuestion: 'Did you feel kept informed?',
  yes: 'Yes',
  no: 'No',
  wordsLabel: 'Anything you would like to add? (optional)',
  wordsHint: 'What went well, or what we should do better.',
  send: 'Send',
  sending: 'Sending…',
  change: 'Change my answer',
  recorded: 'Thank you: your answer is saved. Add a few words or change it below, then press Send.',
  thanks: 'Thank you. Your answer helps us keep every candidate informed.',
  chooseOne: 'Choose how likely you are to recommend us, or whether you felt kept informed.',
  noToken: 'This page opens from the links in the email that told you your application had closed.',
  signInInstead: 'Sign in to answer on your application page',
  notSaved: 'Your answer was not saved.',
  sectionTitle: 'How did we do?',
  answeredOn: (at: string) => `You answered on ${formatDate(at)}.`,
  closedForAnswers: 'The time to answer about this application has passed.',
} as const;

/** The scale's labels, read out by screen readers too: "0 — not at all likely" … "10 — extremely likely". */
export function recommendLabel(score: number): string {
  if (score === RECOMMEND_SCORE_MIN) return `${score} — not at all likely`;
  if (score === RECOMMEND_SCORE_MAX) return `${score} — extremely likely`;
  return String(score);
}

export const RECOMMEND_SCORES: readonly number[] = Array.from(
  { length: RECOMMEND_SCORE_MAX - RECOMMEND_SCORE_MIN + 1 },
  (_, index) => RECOMMEND_SCORE_MIN + index,
);

/** The answer given, in a line each: "How likely to recommend us: 8 out of 10", "Kept informed: yes". */
export function answerLines(answer: SatisfactionAnswer): string[] {
  return [
    ...(answer.recommendScore === null
      ? []
      : [`${SATISFACTION_WORDS.recommendQuestion} ${answer.recommendScore} out of ${RECOMMEND_SCORE_MAX}`]),
    ...(answer.keptInformed === null
      ? []
      : [
          `${SATISFACTION_WORDS.keptInformedQuestion} ${answer.keptInformed ? SATISFACTION_WORDS.yes : SATISFACTION_WORDS.no}`,
        ]),
  ];
}
