import type { ClientReviewLinkState } from './client-loop';

/** Every error the API returns has this shape. */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: FieldError[];
  /** 410 REVIEW_LINK_CLOSED only: why the client's review link no longer opens. */
  state?: ClientReviewLinkState;
}

export interface FieldError {
  field: string;
  reasons: string[];
}

export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  Forbidden = 'FORBIDDEN',
  /** 403: the request did not carry the page's XSRF token (the page is old, or another site sent it): reload. */
  SecurityCheckFailed = 'SECURITY_CHECK_FAILED',
  NotFound = 'NOT_FOUND',
  FeedbackRequired = 'FEEDBACK_REQUIRED',
  FeedbackAlreadyRecorded = 'FEEDBACK_ALREADY_RECORDED',
  FeedbackImmutable = 'FEEDBACK_IMMUTABLE',
  StaleVersion = 'STALE_VERSION',
  AlreadyApplied = 'ALREADY_APPLIED',
  EmailTaken = 'EMAIL_TAKEN',
  /** A link from an email that is unknown, used already or expired. */
  TokenInvalid = 'TOKEN_INVALID',
  /** The right password, for an account staff have disabled. */
  AccountDisabled = 'ACCOUNT_DISABLED',
  ClientNameTaken = 'CLIENT_NAME_TAKEN',
  /** 409: another live contact of the same client has this email. */
  ClientContactEmailTaken = 'CLIENT_CONTACT_EMAIL_TAKEN',
  /** 409: the client has as many live contacts as allowed: archive one first. */
  ClientContactsFull = 'CLIENT_CONTACTS_FULL',
  /** 409: an archived contact is kept as it was. */
  ClientContactArchived = 'CLIENT_CONTACT_ARCHIVED',
  JobNotOpen = 'JOB_NOT_OPEN',
  InvalidTransition = 'INVALID_TRANSITION',
  StageNotCurrent = 'STAGE_NOT_CURRENT',
  RejectionMessageRequired = 'REJECTION_MESSAGE_REQUIRED',
  Conflict = 'CONFLICT',
  /** An Idempotency-Key already used for a different request: a new request needs a new key. */
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** A recruiter has moved this promise as often as the agency allows: staff must move it now. */
  RedatingNeedsStaff = 'REDATING_NEEDS_STAFF',
  /** The privacy notice the caller read is no longer the current one: read the new one first. */
  PrivacyNoticeChanged = 'PRIVACY_NOTICE_CHANGED',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  Internal = 'INTERNAL',
  /** 503 with Retry-After: the database cannot be reached just now; nothing is wrong with the request. */
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  /** 503 with Retry-After: this instance is at its limit of concurrent work; another try will be served. */
  Overloaded = 'OVERLOADED',
  /** 503: the request was not answered within the request deadline. */
  RequestTimeout = 'REQUEST_TIMEOUT',
  /** 503: this instance is stopping (a deploy); the next try reaches another one. */
  ShuttingDown = 'SHUTTING_DOWN',
  /** 503: a public search ran past its time limit; a narrower search (more words, a filter) is answered. */
  SearchTooBroad = 'SEARCH_TOO_BROAD',
  /** 503: a score statement ran past its time limit (SCORE_TIMEOUT_MS); a shorter period or one client is answered. */
  ScoreTooBroad = 'SCORE_TOO_BROAD',
  /** 410: a client's review link that no longer opens; `state` says why (used, expired, revoked, replaced, feedback recorded). */
  ReviewLinkClosed = 'REVIEW_LINK_CLOSED',
  /** 410: the time to answer "how did we do" on this application has passed; the answer given stays. */
  SatisfactionClosed = 'SATISFACTION_CLOSED',
}
