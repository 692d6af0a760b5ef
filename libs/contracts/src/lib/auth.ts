import { UserRole } from './enums';

export interface RegisterRequest {
  email: string;
  password: string;
  fullName: string;
  /** The browser's IANA zone, so times are written to the new person in their own zone. */
  timeZone?: string;
  /**
   * The portal page to open once the emailed link is followed (the job being applied for, say): a path on
   * this site (see `isReturnPath`), kept with the registration and given back by the confirmation.
   */
  returnTo?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/**
 * POST /api/users (staff): invites a recruiter or staff member. No password: the person is emailed a link
 * (ACCEPT_INVITATION_PAGE_PATH) where they choose their own, so no one else ever knows it, and following the
 * link proves the address. Until then the account cannot sign in. Answers the new account's AgencyUserView.
 */
export interface CreateUserRequest {
  email: string;
  fullName: string;
  role: UserRole.Recruiter | UserRole.Staff;
}

/** How long an invitation's link works; staff can send a new one at any time before it is accepted. */
export const INVITATION_LINK_DAYS = 7;

/**
 * `POST /api/auth/invitation/link` `{token}`: whom a live invitation is for, asked when the page opens (the
 * link is not used up), so the page greets them by name and a used or expired link says so at once.
 */
export interface InvitationLinkView {
  email: string;
  fullName: string;
}

/**
 * `POST /api/auth/invitation/accept`: the invitation's token and the password its holder chose. Answers the
 * signed-in UserView (the address counts as verified).
 */
export interface AcceptInvitationRequest {
  token: string;
  password: string;
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

/** The portal pages the account emails link to, with `?token=` (the link works once, for a while). */
export const VERIFY_EMAIL_PAGE_PATH = '/verify-email';
export const FINISH_REGISTRATION_PAGE_PATH = '/finish-registration';
export const RESET_PASSWORD_PAGE_PATH = '/reset-password';
export const ACCEPT_INVITATION_PAGE_PATH = '/accept-invitation';

/**
 * POST /api/auth/register answers this, 202, whether the address was new or already had an account, and
 * signs no one in, so neither the answer nor the session afterwards tells anyone which addresses have
 * accounts. A new address is sent a link (FINISH_REGISTRATION_PAGE_PATH); the account is made, and the
 * browser that opens the link signed in, only then. The owner of a taken address is told someone tried.
 */
export interface RegisterResult {
  email: string;
  /** Always true: a message is on its way to the address (the link to finish, or a note to its owner). */
  checkEmail: true;
}

/** How long the emailed link to finish registering works; until it is followed there is no account. */
export const REGISTRATION_LINK_HOURS = 48;

/**
 * POST /api/auth/register/confirm: the token from the emailed link, and the password chosen when
 * registering. The link alone is not enough: the owner of an address may be sent a stranger's link
 * (someone registered it first), and a link can be sent to anyone to sign them in to an account
 * someone else controls; neither knows the password that registration was made with.
 */
export interface ConfirmRegistrationRequest {
  token: string;
  password: string;
}

/**
 * POST /api/auth/register/link `{token}` (VerifyEmailRequest): the address a live link to finish registering
 * is for, answered without using the link up, so the page names it before anyone types a password; 400
 * (`TokenInvalid`) when the link no longer works.
 */
export interface RegistrationLinkView {
  email: string;
}

/**
 * `POST /api/auth/password-reset/link`: the address a live reset link is for, asked when the page opens
 * (the link is not used up), so a used or expired link says so before a new password is typed.
 */
export interface PasswordResetLinkView {
  email: string;
}

/**
 * POST /api/auth/register/restart: whoever holds a live link to finish registering may start that
 * registration again with a name and password of their own, when the one it was made with is forgotten or
 * is not theirs (a stranger registered their address first, perhaps up to its hourly limit). The link stops
 * working and a new one goes to the same address (with no page to come back to: that was the first
 * registrant's choice): a link can be forwarded to anyone, and only the reader of the inbox should finish it.
 * Answers RegisterResult, 202. It spends a link to send one, so it is not counted against the address's
 * hourly registrations, but against restarts of its own per inbox.
 */
export interface RestartRegistrationRequest {
  token: string;
  fullName: string;
  password: string;
  timeZone?: string;
}

/** What confirming a registration answers (200, with the session cookie): the new account, and where to go. */
export interface RegistrationConfirmedView {
  user: UserView;
  /** The `returnTo` given when registering, or null: the candidate's home. */
  returnTo: string | null;
}

/** A registration's `returnTo` is at most this long. */
export const RETURN_PATH_MAX_LENGTH = 300;

/**
 * Where the portal may send someone after they sign in or finish registering: a path on this site (never
 * `//evil.example`, `/\\evil.example` or `https://…`), and not back to the sign-in or registration pages.
 */
export function isReturnPath(path: string): boolean {
  return (
    path.length <= RETURN_PATH_MAX_LENGTH &&
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !path.startsWith('/\\') &&
    // No spaces or control characters: a tab or newline inside `/\t/evil.example` is dropped by URL parsing.
    ![...path].some((character) => character.charCodeAt(0) <= 0x20) &&
    !path.startsWith('/sign-in') &&
    !path.startsWith('/register') &&
    !path.startsWith(FINISH_REGISTRATION_PAGE_PATH)
  );
}

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
