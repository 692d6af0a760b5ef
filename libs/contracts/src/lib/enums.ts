/** Who a user is decides what they may see and do. */
export enum UserRole {
  Candidate = 'candidate',
  Recruiter = 'recruiter',
  Staff = 'staff',
}

export enum WorkMode {
  Onsite = 'onsite',
  Hybrid = 'hybrid',
  Remote = 'remote',
}

export enum EmploymentType {
  FullTime = 'full_time',
  PartTime = 'part_time',
  Contract = 'contract',
  Temporary = 'temporary',
  Internship = 'internship',
}

export enum JobStatus {
  Draft = 'draft',
  Open = 'open',
  Closed = 'closed',
  Filled = 'filled',
}

/** applied → screening → interviewing → offer → hired, or closed as rejected / withdrawn / job_closed. */
export enum ApplicationStatus {
  Applied = 'applied',
  Screening = 'screening',
  Interviewing = 'interviewing',
  Offer = 'offer',
  Hired = 'hired',
  Rejected = 'rejected',
  Withdrawn = 'withdrawn',
  JobClosed = 'job_closed',
}

/** pending → scheduled → awaiting_feedback → feedback_recorded, or skipped with a reason. */
export enum StageState {
  Pending = 'pending',
  Scheduled = 'scheduled',
  AwaitingFeedback = 'awaiting_feedback',
  FeedbackRecorded = 'feedback_recorded',
  Skipped = 'skipped',
}

export enum FeedbackDecision {
  Advance = 'advance',
  Reject = 'reject',
  Hold = 'hold',
}

export enum TimelineEventType {
  Applied = 'applied',
  StageScheduled = 'stage_scheduled',
  FeedbackRecorded = 'feedback_recorded',
  FeedbackCorrected = 'feedback_corrected',
  StageStarted = 'stage_started',
  OfferMade = 'offer_made',
  Hired = 'hired',
  Rejected = 'rejected',
  Withdrawn = 'withdrawn',
  InterviewEnded = 'interview_ended',
  FeedbackReminder = 'feedback_reminder',
  FeedbackLate = 'feedback_late',
  Escalated = 'escalated',
  CandidateUpdate = 'candidate_update',
  DecisionDateSet = 'decision_date_set',
  RecruiterMessage = 'recruiter_message',
  JobClosed = 'job_closed',
  /** Internal: the application's or a stage's work given to someone else. */
  Reassigned = 'reassigned',
  /** A person moved the agency's promise to a new date, with a sentence for the candidate. */
  PromiseRedated = 'promise_redated',
  /** Nobody acted by the promised date: the agency's rules told the candidate and set a new date. */
  PromiseUpdated = 'promise_updated',
  /** A long silence before the promised date: the candidate is told the date still stands. */
  PromiseCheckIn = 'promise_check_in',
  /** The candidate accepted the offer in the portal. */
  OfferAccepted = 'offer_accepted',
  /** The candidate declined the offer in the portal, with their reason if they gave one. */
  OfferDeclined = 'offer_declined',
  /** The reply-by date passed with no answer: the candidate is reminded, once per date. */
  OfferReplyNudge = 'offer_reply_nudge',
  /** Internal: a client interviewer was emailed their review link. */
  ClientReviewRequested = 'client_review_requested',
  /** Internal: a client interviewer sent their feedback through the link (a draft, or published at once). */
  ClientFeedbackReceived = 'client_feedback_received',
  /** Internal: staff or the recruiter revoked a client interviewer's review link. */
  ClientReviewLinkRevoked = 'client_review_link_revoked',
}

/** What the agency has promised the candidate they will hear about next. */
export enum PromiseKind {
  /** Applied, nothing booked: whether they move forward. */
  Screening = 'screening',
  /** After an interview: the answer. */
  Answer = 'answer',
  /** Through a stage, the next one not booked yet: when the next interview is. */
  NextStep = 'next_step',
  /** A stage on hold: when they hear again, on a date the recruiter gave. */
  Hold = 'hold',
  /** The candidate asked for an update: the answer to it. */
  UpdateRequest = 'update_request',
  /** An offer: the date by which the candidate is asked to reply. */
  OfferReply = 'offer_reply',
}

/** What a candidate can tell the agency about an application. */
export enum CandidateUpdateKind {
  OtherOffer = 'other_offer',
  Availability = 'availability',
  Note = 'note',
  RequestUpdate = 'request_update',
}

/** What an application is waiting for, so nobody has to guess whose move it is. */
export enum WaitingFor {
  /** Applied, nothing booked yet: the agency decides whether the candidate moves forward. */
  Screening = 'screening',
  Scheduling = 'scheduling',
  Interview = 'interview',
  Feedback = 'feedback',
  Decision = 'decision',
  CandidateResponse = 'candidate_response',
  Nothing = 'nothing',
}
