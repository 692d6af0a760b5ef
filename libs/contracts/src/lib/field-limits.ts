/**
 * Every bound on what a person may type or choose: the API's DTOs enforce them and the portal's
 * forms check them before sending, so both read them here and cannot drift apart.
 */

// Accounts
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const FULL_NAME_MAX_LENGTH = 120;
/** The longest IANA time zone name is 32 characters; this leaves room without inviting junk. */
export const TIME_ZONE_MAX_LENGTH = 64;

// Clients and jobs
export const CLIENT_NAME_MAX_LENGTH = 120;
export const JOB_TITLE_MAX_LENGTH = 160;
export const JOB_DESCRIPTION_MAX_LENGTH = 20_000;
export const JOB_LOCATION_MAX_LENGTH = 120;
export const SALARY_MAX = 10_000_000;
export const PIPELINE_MAX_STAGES = 12;
export const STAGE_NAME_MAX_LENGTH = 80;
/** A job's promise: "an answer within N working days of each interview". */
export const ANSWER_WITHIN_MIN_WORKING_DAYS = 1;
export const ANSWER_WITHIN_MAX_WORKING_DAYS = 20;
/** A job's screening promise ("whether you move forward within N working days of applying") uses the same range. */
/** A promise moved by a person, or an On hold date: at most this many working days ahead. */
export const PROMISE_MAX_WORKING_DAYS_AHEAD = 20;
/** The sentence sent to the candidate with a re-dated promise. */
export const PROMISE_SENTENCE_MAX_LENGTH = 1000;

// Screening questions and answers
export const SCREENING_QUESTIONS_MAX = 10;
export const SCREENING_PROMPT_MAX_LENGTH = 300;
export const SCREENING_OPTIONS_MIN = 2;
export const SCREENING_OPTIONS_MAX = 10;
export const SCREENING_OPTION_MAX_LENGTH = 120;
export const SCREENING_ANSWER_MAX_LENGTH = 2000;

// Privacy notice
export const PRIVACY_NOTICE_MAX_LENGTH = 20_000;

// Paging: every cursor the API hands out fits in this.
export const CURSOR_MAX_LENGTH = 200;
/**
 * The client list's cursor carries the last client's name (its sort key, up to CLIENT_NAME_MAX_LENGTH
 * characters, six bytes each at worst as JSON) and id, in base64: the one cursor longer than the rest.
 */
export const CLIENT_CURSOR_MAX_LENGTH = 1200;
/** What the client picker and the client list search for: part of a name. */
export const CLIENT_SEARCH_MAX_LENGTH = CLIENT_NAME_MAX_LENGTH;
/** The agency accounts' cursor carries the last account's name (up to FULL_NAME_MAX_LENGTH) and id, as the client list's does. */
export const AGENCY_USER_CURSOR_MAX_LENGTH = 1200;
/** What the people pickers and the list of accounts search for: part of a name or an email address. */
export const AGENCY_USER_SEARCH_MAX_LENGTH = EMAIL_MAX_LENGTH;

// Job search
export const JOB_SEARCH_TEXT_MAX_LENGTH = 200;
export const JOB_SEARCH_CURSOR_MAX_LENGTH = CURSOR_MAX_LENGTH;

// Interviews and feedback
export const INTERVIEW_LOCATION_MAX_LENGTH = 500;
/**
 * An interview that begins further ahead than this is said to the recruiter as "check the year" before it is
 * saved. Not refused: an assessment centre may be booked months out, and the candidate is told the date.
 */
export const INTERVIEW_FAR_AHEAD_DAYS = 90;
/**
 * The longest an interview may last: an assessment day fits; an end typed on the wrong day does not. Until an
 * interview has ended the candidate's silence is not counted (they know when they next hear), so an end
 * months away would let an application go quiet for months with every promise kept.
 */
export const INTERVIEW_MAX_HOURS = 12;
export const INTERVIEWERS_MAX = 20;
export const INTERVIEWER_NAME_MAX_LENGTH = 120;
export const RATING_MIN = 1;
export const RATING_MAX = 4;
/** Any words written to the candidate: feedback, a rejection, a message, a job's closing words. */
export const CANDIDATE_MESSAGE_MAX_LENGTH = 4000;
export const INTERNAL_NOTES_MAX_LENGTH = 10_000;
export const GIVEN_BY_MAX_LENGTH = 200;

// Offers (the title uses JOB_TITLE_MAX_LENGTH, the pay SALARY_MAX, the message CANDIDATE_MESSAGE_MAX_LENGTH)
/** The smallest pay an offer may name: a positive whole amount. */
export const OFFER_PAY_MIN = 1;

// What the candidate writes
export const WITHDRAW_REASON_MAX_LENGTH = 2000;
export const CANDIDATE_UPDATE_TEXT_MAX_LENGTH = 2000;
export const OFFER_DECLINE_REASON_MAX_LENGTH = 2000;

/** Reassigning all of one person's open work moves at most this many applications and stages, in one transaction. */
export const REASSIGN_ALL_MAX_ITEMS = 500;

// Documents and contact details (issue 10)
/** The largest CV or cover letter file accepted: 10 MiB. One byte more is refused (413) before anything is stored. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** A file's name as the candidate's computer gave it, kept to offer it back on download. */
export const DOCUMENT_FILE_NAME_MAX_LENGTH = 255;
/**
 * How many documents (every kind, every version) one candidate keeps: bounds what one account can
 * store (20 × 10 MiB) and the list, which is therefore never paged. The database enforces it too.
 */
export const DOCUMENTS_PER_CANDIDATE_MAX = 20;
/** A cover letter typed in rather than uploaded. */
export const COVER_LETTER_TEXT_MAX_LENGTH = 5000;
/** What may be typed in the phone box (spaces, dashes, brackets); it is stored as + and at most 15 digits (E.164). */
export const PHONE_INPUT_MAX_LENGTH = 32;
export const CANDIDATE_LOCATION_MAX_LENGTH = 120;
export const PROFILE_LINK_MAX_LENGTH = 500;
// The candidate's data (ADR 0019)
/** How long closed applications are kept before they are erased: staff choose within this range. */
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 120;
export const RETENTION_MONTHS_DEFAULT = 12;
// Finding applications (recruiters and staff)
/** What a recruiter types to find an application, once trimmed. */
export const APPLICATION_SEARCH_MIN_LENGTH = 2;
export const APPLICATION_SEARCH_MAX_LENGTH = 100;
/** Applications per page of the search and of the "new applications" list. */
export const APPLICATION_FINDING_PAGE_SIZE = 50;

// The client loop and the score
export const CLIENT_CONTACT_ROLE_MAX_LENGTH = 120;
/** A contact's name is shown as an interviewer's name, so it has the same limit. */
export const CLIENT_CONTACT_NAME_MAX_LENGTH = INTERVIEWER_NAME_MAX_LENGTH;
/** Live contacts a client may have: the picker shows them all, so the list stays short enough to read. */
export const CLIENT_CONTACTS_MAX = 200;
/** Archived contacts shown on a client's page, newest first: the rest stay in the history. */
export const CLIENT_ARCHIVED_CONTACTS_SHOWN = 50;
/** Below this many answers in a group, candidate satisfaction is not shown to recruiters (they could tell who said what). */
export const SATISFACTION_MIN_RESPONSES = 5;
export const SATISFACTION_WORDS_MAX_LENGTH = 2000;
