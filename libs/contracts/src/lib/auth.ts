import { UserRole } from './enums';

export interface RegisterRequest {
  email: string;
  password: string;
  fullName: string;
  /** The browser's IANA zone, so times are written to the new person in their own zone. */
  timeZone?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  fullName: string;
  role: UserRole.Recruiter | UserRole.Staff;
}

export interface UserView {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
  /** False until the owner follows the link in the verification email; nothing else is mailed to them until then. */
  emailVerified: boolean;
  /** The IANA zone they chose; null: times follow their browser's zone (the agency's in emails). */
  timeZone: string | null;
  /** Recruiters and staff: how they are emailed about their work (escalations always at once). Absent for candidates. */
  agencyMail?: AgencyMailPreference;
  /** Candidates only (absent for agency people): how the agency may reach them, as they saved it. */
  phone?: string | null;
  location?: string | null;
  profileLink?: string | null;
}

/**
 * GET /api/auth/session: who this browser is signed in as, answered 200 for everyone. A visitor
 * is a normal state, so the portal's start-up check never logs a failed request; `/api/auth/me` still
 * answers 401 without a session, for callers that need a signed-in user.
 */
export interface SignedInView {
  user: UserView | null;
}

/**
 * How an agency person (recruiter or staff) wants their reminders: each as it is written, or
 * gathered into one digest at the top of each hour, or at the start of each working day.
 * Escalations are always sent at once.
 */
export type AgencyMailPreference = 'immediate' | 'hourly' | 'daily';
export const AGENCY_MAIL_PREFERENCES: readonly AgencyMailPreference[] = ['immediate', 'hourly', 'daily'];
export const DEFAULT_AGENCY_MAIL: AgencyMailPreference = 'hourly';

/** PATCH /api/me/agency-mail (recruiters and staff; 403 for candidates): answers the updated UserView. */
export interface UpdateAgencyMailRequest {
  agencyMail: AgencyMailPreference;
}

/**
 * POST /api/auth/register answers this, 201, whether the address was new or already had an account,
 * so the answer does not tell anyone which addresses have accounts. A new account is signed in;
 * GET /api/auth/me says whether this browser now has a session.
 */
export interface RegisterResult {
  email: string;
  /** Always true: a message is on its way to the address (a verification link, or a note to its owner). */
  checkEmail: true;
}

/** The portal pages the account emails link to, with `?token=` (the link works once, for a while). */
export const VERIFY_EMAIL_PAGE_PATH = '/verify-email';
export const RESET_PASSWORD_PAGE_PATH = '/reset-password';

/** POST /api/auth/verify-email (the token from the link in the verification email). */
export interface VerifyEmailRequest {
  token: string;
}

/** POST /api/auth/password-reset: always 202, whether or not the address has an account. */
export interface PasswordResetRequest {
  email: string;
}

/** POST /api/auth/password-reset/confirm: sets the password, ends every session, signs this browser in. */
export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

/** POST /api/me/password: ends the user's other sessions. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** GET /api/me/sessions: the browsers signed in to this account, newest first. */
export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  /** When it ends at the latest, even if used all the time. */
  expiresAt: string;
  /** e.g. "Chrome on Windows"; "Unknown browser" when the browser did not say. */
  device: string;
  /** The session making this request. */
  current: boolean;
}
