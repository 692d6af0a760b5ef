import { Route } from '@angular/router';
import {
  ACCEPT_INVITATION_PAGE_PATH,
  CLIENT_REVIEW_PAGE_PATH,
  FINISH_REGISTRATION_PAGE_PATH,
  RESET_PASSWORD_PAGE_PATH,
  SATISFACTION_PAGE_PATH,
  UserRole,
  VERIFY_EMAIL_PAGE_PATH,
} from '@heardback/contracts';
import { requireRole } from './core/role-guard';

/** One lazy route per area: the public board and sign-in, the candidate's, the recruiter's, staff's. */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'jobs' },
  {
    path: 'jobs',
    title: 'Open jobs · Heardback',
    loadComponent: () => import('./jobs/job-board').then((m) => m.JobBoard),
  },
  {
    path: 'jobs/:id',
    title: 'Job · Heardback',
    loadComponent: () => import('./jobs/job-detail-page').then((m) => m.JobDetailPage),
  },
  {
    path: 'sign-in',
    title: 'Sign in · Heardback',
    loadComponent: () => import('./auth/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'register',
    title: 'Create your account · Heardback',
    loadComponent: () => import('./auth/register-page').then((m) => m.RegisterPage),
  },
  {
    path: FINISH_REGISTRATION_PAGE_PATH.slice(1),
    title: 'Finish creating your account · Heardback',
    loadComponent: () => import('./auth/finish-registration-page').then((m) => m.FinishRegistrationPage),
  },
  {
    path: 'forgot-password',
    title: 'Reset your password · Heardback',
    loadComponent: () => import('./account/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: RESET_PASSWORD_PAGE_PATH.slice(1),
    title: 'Choose a new password · Heardback',
    loadComponent: () => import('./account/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    // Staff's invitation (ADR 0082): the same page as a reset, in the words of a first password.
    path: ACCEPT_INVITATION_PAGE_PATH.slice(1),
    title: 'Choose your password · Heardback',
    data: { invitation: true },
    loadComponent: () => import('./account/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    path: VERIFY_EMAIL_PAGE_PATH.slice(1),
    title: 'Confirm your email address · Heardback',
    loadComponent: () => import('./account/verify-email-page').then((m) => m.VerifyEmailPage),
  },
  {
    // Opened from a closing email's one-click answers; no account needed (the token is in the fragment).
    path: SATISFACTION_PAGE_PATH,
    title: 'How did we do? · Heardback',
    loadComponent: () => import('./satisfaction/how-did-we-do-page').then((m) => m.HowDidWeDoPage),
  },
  {
    path: 'account-deleted',
    title: 'Your account is deleted · Heardback',
    loadComponent: () => import('./candidate/account-deleted-page').then((m) => m.AccountDeletedPage),
  },
  {
    // A client interviewer's emailed link: no account, and no way from it into the rest of the site.
    path: CLIENT_REVIEW_PAGE_PATH.slice(1),
    title: 'Interview feedback · Heardback',
    loadComponent: () => import('./client-review/client-review-page').then((m) => m.ClientReviewPage),
  },
  {
    path: 'me',
    canMatch: [requireRole(UserRole.Candidate)],
    loadChildren: () => import('./candidate/candidate.routes').then((m) => m.CANDIDATE_ROUTES),
  },
  {
    path: 'account',
    canMatch: [requireRole(UserRole.Recruiter, UserRole.Staff)],
    loadChildren: () => import('./account/account.routes').then((m) => m.ACCOUNT_ROUTES),
  },
  {
    path: 'recruiter',
    canMatch: [requireRole(UserRole.Recruiter, UserRole.Staff)],
    loadChildren: () => import('./recruiter/recruiter.routes').then((m) => m.RECRUITER_ROUTES),
  },
  {
    path: 'staff',
    canMatch: [requireRole(UserRole.Staff)],
    loadChildren: () => import('./staff/staff.routes').then((m) => m.STAFF_ROUTES),
  },
  {
    path: '**',
    title: 'Page not found · Heardback',
    loadComponent: () => import('./page-not-found').then((m) => m.PageNotFound),
  },
];
