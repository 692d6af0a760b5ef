import type { CountedPage } from './agency';
import { ApplicationDocumentsView, CandidateDetailsView } from './documents';
import { ApplicationStatus, FeedbackDecision, PromiseKind, StageState, TimelineEventType, WaitingFor } from './enums';
import type { OfferTermsRequest, OfferView } from './offers';
import { ScreeningAnswerView } from './screening';

/** Feedback as the candidate receives it: the words written for them and when, nothing else. */
export interface CandidateFeedbackView {
  id: string;
  candidateMessage: string;
  recordedAt: string;
  /** The stage is on hold: not decided yet, so the application waits on it (a wait, not a pass). */
  onHold: boolean;
}

/** Feedback as the agency sees it. Never sent to a candidate (they get `CandidateFeedbackView`). */
export interface FeedbackView extends CandidateFeedbackView {
  decision: FeedbackDecision;
  rating: number;
  internalNotes?: string | null;
  givenBy: string | null;
  version: number;
}

export interface StageView<F extends CandidateFeedbackView = FeedbackView> {
  id: string;
  name: string;
  position: number;
  state: StageState;
  startsAt: string | null;
  endsAt: string | null;
  location: string | null;
  feedbackDueAt: string | null;
  feedback: F | null;
  /** Who interviews, as the agency named them: the agency's view only (candidates are never sent it). */
  interviewers?: string[];
  /** Interviewers picked from the client's contacts (agency view only). */
  clientInterviewers?: { id: string; fullName: string; email: string; role?: string }[];
  /**
   * The agency has chased a late answer about this stage (the API recorded that the answer is late,
   * or gave the candidate a new date for it). Worked out over the whole timeline, of which a view
   * carries only the newest entries; the candidate's view counts only what the candidate was told.
   */
  chased: boolean;
}

/** A stage as the candidate receives it. */
export type CandidateStageView = StageView<CandidateFeedbackView>;

export interface TimelineEntry {
  at: string;
  /**
   * What happened; with `stageId`, how a page writes the entry (never `text`, whose words may change).
   * Facts about the application come from the API (`StageView.chased`), never from the entries: a view
   * carries only the newest of them.
   */
  type: TimelineEventType;
  /** The stage the event is about, when it is about one. */
  stageId: string | null;
  text: string;
  /**
   * When the event placed or moved an interview: the slot, so the reader sees it in their own zone.
   * `text` then carries the agency's zone and a page writes `interviewEventText()` instead.
   */
  interview?: TimelineInterviewSlot | null;
  /**
   * A date `text` gives (a promised date), as an instant and exactly as `text` writes it (in the
   * agency's zone): a page writes it in the reader's zone instead, as it does an interview.
   */
  date?: { at: string; written: string } | null;
  /**
   * Agency views only: true when the entry is what the candidate was told, in the candidate's own
   * words ("You are through to…"), so the agency's page can show it as a quote to the candidate
   * rather than as the agency's own history.
   */
  toCandidate?: boolean;
}

/** How many timeline entries a view of an application carries, and a page of its older entries holds. */
export const TIMELINE_PAGE_SIZE = 50;

/**
 * Older entries of an application's timeline, newest first (continuing down from the view's oldest),
 * `TIMELINE_PAGE_SIZE` at most; `nextCursor` fetches the still older ones, null once the first is in.
 */
export interface TimelinePage {
  items: TimelineEntry[];
  nextCursor: string | null;
}

export interface TimelineInterviewSlot {
  stageName: string;
  startsAt: string;
  endsAt: string;
  location: string;
  /** The slot a reschedule cancelled. */
  was: { startsAt: string; endsAt: string } | null;
}

/** What both audiences receive of an application (`ApplicationView`, `CandidateApplicationView`). */
export interface ApplicationViewBase<F extends CandidateFeedbackView> {
  id: string;
  status: ApplicationStatus;
  version: number;
  waitingFor: WaitingFor;
  /** The stage the application is at; null once an offer is made or the application is closed. */
  currentStageId: string | null;
  /** When the candidate applied (a recruiter's form warns of an interview placed before it). */
  appliedAt?: string;
  /** `clientId` is sent to the agency only: whose contacts a stage's interviewers are picked from. */
  job: { id: string; title: string; clientName: string; clientId?: string };
  /** `emailVerified` is sent to the agency only: false while the candidate has not confirmed their address. */
  candidate: { id: string; fullName: string; emailVerified?: boolean };
  stages: StageView<F>[];
  /** The newest `TIMELINE_PAGE_SIZE` entries of the timeline, oldest first. */
  timeline: TimelineEntry[];
  /**
   * Set when the timeline has older entries than `timeline` holds: the cursor for
   * `GET /api/applications/:id/timeline?cursor=…`, which pages back through them (`TimelinePage`).
   */
  earlierTimelineCursor: string | null;
  /** The candidate's own "I will move on after …" date, if they set one. */
  decisionDate?: string | null;
  /** When the candidate may next ask for an update (null: now). */
  updateRequestAllowedFrom?: string | null;
  /** When the agency will answer the candidate's newest request for an update (null: none waits for an answer). */
  updateRequestAnswerDueAt?: string | null;
  /** While applied and nothing is booked: by when the agency says whether the candidate moves forward. */
  screeningAnswerDueAt?: string | null;
  /** What the agency has promised the candidate will hear next, and by when; null once the application is closed. */
  promise: PromiseView | null;
  /** The newest offer made on this application, open or answered; null while none has been made. */
  offer: OfferView | null;
  /**
   * Closed as not successful (rejected, or the job closed): the words the candidate was sent, which
   * "Where you stand" shows first. Null while the application is open, or when it closed otherwise.
   */
  closingWords: string | null;
}

/** The agency's current dated promise to the candidate ("Where you stand" always shows it). */
export interface PromiseView {
  kind: PromiseKind;
  /** The stage it is about (answer, hold, next step), when it is about one. */
  stageId: string | null;
  /** The candidate hears by then, at the latest. */
  dueAt: string;
  /** Why the date moved, in the words the candidate was sent; null while the first date stands. */
  sentence: string | null;
  /** The date was set by the agency's rules because nobody acted in time (an automatic update). */
  automatic: boolean;
  /** Earlier dates this promise replaced, oldest first (a re-dated promise shows where it came from). */
  previousDueAts: string[];
}

/**
 * An application as the agency sees it, with what the rules say its next actions would do; a
 * candidate receives `CandidateApplicationView`.
 */
export interface ApplicationView extends ApplicationViewBase<FeedbackView> {
  /** Where "advance" on the current stage leads; null when it is the last (an offer follows) or none is current. */
  nextStageId: string | null;
  /** The stages an offer made now would skip (not held, no feedback), in order; empty once none can be made. */
  offerSkipsStageIds: string[];
  /**
   * The stages that took place and still owe the candidate feedback, as rule 1 decides it: while
   * any is listed, the application cannot move on (reject, offer, hire).
   */
  feedbackOwedStageIds: string[];
  /** What the candidate told the agency that bears on timing, the newest of each kind (with `decisionDate`). */
  candidateSaid: CandidateSaidView;
  /** How many more times the caller may re-date the current promise; null: no limit (staff) or nothing to re-date. */
  redatingsLeft: number | null;
  /** How to reach the candidate (agency only). */
  candidateDetails: CandidateDetailsView;
  /** The CV and cover letter that went with the application (agency only). */
  documents: ApplicationDocumentsView;
  /** The candidate's answers to the job's screening questions, each with the prompt as it was asked. */
  screeningAnswers: ScreeningAnswerView[];
}

/** An application as its candidate receives it: no ratings, no interviewer names, no internal notes. */
export interface CandidateSaidView {
  /** Another offer they hold, and by when they must answer it. */
  otherOffer: { text: string; answerBy: string | null; at: string } | null;
  /** When they can (or cannot) be interviewed, in their words. */
  availability: { text: string; at: string } | null;
}

export type CandidateApplicationView = ApplicationViewBase<CandidateFeedbackView>;

export interface ApplicationSummary {
  id: string;
  status: ApplicationStatus;
  version: number;
  job: { id: string; title: string; clientName: string };
  currentStage: { id: string; name: string; state: StageState; feedbackDueAt: string | null } | null;
  waitingFor: WaitingFor;
  /** The current promise's date and what it is about (see `ApplicationViewBase.promise`). */
  promise: { kind: PromiseKind; dueAt: string } | null;
  appliedAt: string;
  updatedAt: string;
}

/** The candidate's own list (GET /api/me/applications) comes 20 a page unless asked, at most 100. */
export const MY_APPLICATIONS_DEFAULT_LIMIT = 20;
export const MY_APPLICATIONS_MAX_LIMIT = 100;

/** `?cursor=` from the previous page and `?limit=` (1 to MY_APPLICATIONS_MAX_LIMIT) of the candidate's list. */
export interface MyApplicationsQuery {
  cursor?: string;
  limit?: number;
}

/**
 * GET /api/me/applications: a page of the candidate's applications, open ones first, then newest
 * applied first, with how many are open and closed in all (every page); `total` is their sum.
 */
export interface MyApplicationsPage extends CountedPage<ApplicationSummary> {
  totals: { open: number; closed: number };
}

export interface VersionedRequest {
  /** The application version the caller last saw; a stale one is refused with STALE_VERSION. */
  version: number;
}

export interface ScheduleStageRequest extends VersionedRequest {
  startsAt: string;
  endsAt: string;
  location: string;
  /** Interviewers named in free text (agency people, or client people not kept as contacts). */
  interviewers: string[];
  /** Interviewers picked from the job's client's contacts: each is emailed a review link when the interview ends. */
  clientInterviewerIds?: string[];
}

export interface RecordFeedbackRequest extends VersionedRequest {
  decision: FeedbackDecision;
  /** Required when the decision is `hold`: the date by which the candidate hears again (RFC 3339). */
  holdUntil?: string;
  rating: number;
  candidateMessage: string;
  internalNotes?: string;
  givenBy?: string;
}

/** Move the agency's current promise: a new date and the sentence the candidate is sent with it. */
export interface RedatePromiseRequest extends VersionedRequest {
  dueAt: string;
  candidateMessage: string;
}

/** Make an offer; without `replyBy` the candidate is asked to reply within the agency's default. */
export interface OfferRequest extends VersionedRequest, OfferTermsRequest {
  replyBy?: string;
}

export interface RejectApplicationRequest extends VersionedRequest {
  candidateMessage: string;
}

export interface WithdrawApplicationRequest extends VersionedRequest {
  reason: string;
}

export interface FeedbackQueueItem {
  applicationId: string;
  applicationVersion: number;
  stageId: string;
  stageName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  endedAt: string | null;
  feedbackDueAt: string | null;
  overdue: boolean;
  /** Whose work the stage is (SQL `stage_owner`): null when nobody owns it, so every recruiter is reminded. */
  ownerId: string | null;
  ownerName: string | null;
  /** The stage is the caller's own work. */
  assignedToYou: boolean;
  /** Client interviewers' feedback on this stage that waits for the agency to publish it. */
  clientDraftsWaiting: number;
}

/** GET /api/feedback/queue?mine=true: only the caller's own work; `cursor` and `limit` page it. */
export interface FeedbackQueueQuery {
  mine?: boolean;
  cursor?: string;
  limit?: number;
}

/** The agency's work lists (feedback queue, escalations): a page is this long unless asked otherwise. */
export const WORK_LIST_DEFAULT_LIMIT = 50;
export const WORK_LIST_MAX_LIMIT = 100;

/** A page of the feedback queue, oldest due first, with how many stages wait for feedback in all. */
export interface FeedbackQueuePage {
  items: FeedbackQueueItem[];
  nextCursor: string | null;
  total: number;
}
