import { ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { TOO_MANY_DOCUMENTS } from '../documents/document-words';

interface PostgresError {
  code?: string;
  constraint?: string;
}

/** Named database guards and what they mean to a caller. Names come from the migrations. */
const constraintErrors: Record<string, { code: ErrorCode; message: string }> = {
  application_promises_one_open: {
    code: ErrorCode.Conflict,
    message: 'Someone else changed this application at the same moment. Reload it and try again.',
  },
  stage_feedback_required: {
    code: ErrorCode.FeedbackRequired,
    message: 'Record feedback for every stage that took place before the application moves on.',
  },
  applications_rejection_has_message: {
    code: ErrorCode.RejectionMessageRequired,
    message: 'A rejection needs a message to the candidate.',
  },
  applications_job_closed_has_message: {
    code: ErrorCode.RejectionMessageRequired,
    message: 'Closing an application needs a message to the candidate.',
  },
  feedback_immutable: {
    code: ErrorCode.FeedbackImmutable,
    message: 'Recorded feedback cannot be changed or removed; record a new version instead.',
  },
  feedback_one_original_per_stage: {
    code: ErrorCode.StaleVersion,
    message: 'Someone else recorded feedback for this stage just now. Reload to see it.',
  },
  feedback_supersedes_once: {
    code: ErrorCode.StaleVersion,
    message: 'Someone else changed this feedback just now. Reload to see it.',
  },
  offers_one_open_per_application: {
    code: ErrorCode.Conflict,
    message: 'An offer on this application is already waiting for an answer. Reload it to see it.',
  },
  offers_require_offer_status: {
    code: ErrorCode.InvalidTransition,
    message: 'An offer can be written only on an application at Offer.',
  },
  applications_one_open_per_candidate_per_job: {
    code: ErrorCode.AlreadyApplied,
    message: 'You have already applied to this job.',
  },
  applications_followed_once: {
    code: ErrorCode.AlreadyApplied,
    message: 'You have already applied to this job again.',
  },
  privacy_notices_pkey: {
    code: ErrorCode.PrivacyNoticeChanged,
    message: 'Someone published a new version of the privacy notice at the same moment. Reload it and try again.',
  },
  consents_one_standing_talent_pool: {
    code: ErrorCode.Conflict,
    message: 'You already agreed to be considered for other jobs.',
  },
  work_owner_is_active_agency_user: {
    code: ErrorCode.ValidationFailed,
    message: 'Work can be given only to an active recruiter or staff member.',
  },
  users_agency_lead_is_staff: {
    code: ErrorCode.ValidationFailed,
    message: 'Only a staff member can be an agency lead.',
  },
  users_email_unique: {
    code: ErrorCode.EmailTaken,
    // Said to whoever typed the address: staff making an account for someone else as much as its owner.
    message: 'An account with this email already exists.',
  },
  users_agency_mail_known: {
    code: ErrorCode.ValidationFailed,
    message: 'Choose how to be emailed about your work: immediate, hourly or daily.',
  },
  candidate_documents_per_candidate_cap: { code: ErrorCode.Conflict, message: TOO_MANY_DOCUMENTS },
  clients_name_unique: {
    code: ErrorCode.ClientNameTaken,
    message: 'A client with this name already exists.',
  },
  client_contacts_email_unique: {
    code: ErrorCode.ClientContactEmailTaken,
    message: 'Another contact of this client has this email: edit that contact instead.',
  },
};

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';
const NOT_NULL_VIOLATION = '23502';

/** Turns a PostgreSQL error raised by one of our guards into the domain error it stands for, or null. */
export function translatePostgresError(error: unknown): DomainError | null {
  const driverError = (error as { driverError?: PostgresError })?.driverError ?? (error as PostgresError);
  if (!driverError || typeof driverError !== 'object') return null;
  if (driverError.constraint && constraintErrors[driverError.constraint]) {
    const { code, message } = constraintErrors[driverError.constraint];
    return new DomainError(code, message);
  }
  if (driverError.code?.startsWith('22') || driverError.code === NOT_NULL_VIOLATION) {
    // Data the database cannot store (a NUL byte, an impossible date, a missing value): the caller's input.
    return new DomainError(
      ErrorCode.ValidationFailed,
      'Some of the data sent cannot be stored: check the values and try again.',
    );
  }
  if (driverError.code === SERIALIZATION_FAILURE || driverError.code === DEADLOCK_DETECTED) {
    return new DomainError(ErrorCode.Conflict, 'Someone else changed this at the same moment. Reload and try again.');
  }
  return null;
}
