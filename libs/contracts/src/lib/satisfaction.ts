import { CountedPage } from './agency';

/**
 * Candidate satisfaction (issue 13, item 5). When an application closes (the rule is `asksHowWeDid`
 * in libs/domain), the candidate's closing email and application page ask two questions:
 * "How likely are you to recommend us?" (0–10) and "Did you feel kept informed?" (yes/no), with
 * optional words. Limits: SATISFACTION_MIN_RESPONSES and SATISFACTION_WORDS_MAX_LENGTH in field-limits.
 */

/** The public page the email's one-click links open: `/how-did-we-do#t=TOKEN&recommend=8` or `&informed=yes`. */
export const SATISFACTION_PAGE_PATH = 'how-did-we-do';
/** The link's fragment keys: in the fragment, the token never reaches a server log. */
export const SATISFACTION_LINK_KEYS = { token: 't', recommend: 'recommend', informed: 'informed' } as const;
export const RECOMMEND_SCORE_MIN = 0;
export const RECOMMEND_SCORE_MAX = 10;
/** An answer may be given or changed until this many days after the application closed; then 410. */
export const SATISFACTION_ANSWER_DAYS = 30;

/** What the candidate answers; each field left out keeps what they answered before. */
export interface SatisfactionAnswerRequest {
  /** 0 (not at all likely) to 10 (extremely likely). */
  recommendScore?: number;
  keptInformed?: boolean;
  /** Optional words, up to SATISFACTION_WORDS_MAX_LENGTH; an empty string removes them. */
  words?: string;
}

/** `POST /api/satisfaction/answer`, public: the token from the closing email stands for the application. */
export interface SatisfactionTokenAnswerRequest extends SatisfactionAnswerRequest {
  token: string;
}

export interface SatisfactionAnswer {
  recommendScore: number | null;
  keptInformed: boolean | null;
  words: string | null;
  answeredAt: string;
}

/**
 * The questions on one closed application, as its candidate sees them: the answer so far (null until
 * given) and until when it may be changed. Returned by the token endpoint and by
 * `GET/PUT /api/me/applications/:id/satisfaction`.
 */
export interface SatisfactionView {
  jobTitle: string;
  clientName: string;
  answer: SatisfactionAnswer | null;
  answerableUntil: string;
  /** False once `answerableUntil` has passed: the answer is shown, no longer changed. */
  answerable: boolean;
}

/**
 * `GET /api/satisfaction/words` (recruiters and staff): the latest words candidates wrote, never who
 * wrote them. Scope: answers given in [from, to) (RFC 3339; default the last 90 days), narrowed to at
 * most one of a recruiter (the application's), a client or a job. The score page may link here with
 * the same scope.
 */
export interface SatisfactionWordsQuery {
  from?: string;
  to?: string;
  recruiterId?: string;
  clientId?: string;
  jobId?: string;
  cursor?: string;
  limit?: number;
}

/** One candidate's words, with nothing that names them or their application: the day only, no time. */
export interface SatisfactionWordsItem {
  words: string;
  recommendScore: number | null;
  keptInformed: boolean | null;
  /** YYYY-MM-DD (UTC). */
  answeredOn: string;
}

/**
 * Newest first. While fewer than `minimumResponses` candidates answered in the scope, `shown` is
 * false and `items` is empty (`total` 0, `nextCursor` null): with so few, a recruiter could tell who
 * said what. `total` counts the answers with words in the scope.
 */
export interface SatisfactionWordsPage extends CountedPage<SatisfactionWordsItem> {
  /** Every answer in the scope, with words or without; null while not `shown` (the count is a clue too). */
  responses: number | null;
  minimumResponses: number;
  shown: boolean;
}

export const SATISFACTION_WORDS_PAGE_MAX = 50;
