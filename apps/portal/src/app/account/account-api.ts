import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AcceptInvitationRequest,
  InvitationLinkView,
  API_PREFIX,
  AgencyMailPreference,
  ChangePasswordRequest,
  ConfirmRegistrationRequest,
  PasswordResetConfirmRequest,
  PasswordResetLinkView,
  RegisterResult,
  RegistrationConfirmedView,
  RegistrationLinkView,
  RestartRegistrationRequest,
  SessionView,
  UserView,
} from '@heardback/contracts';
import { Observable } from 'rxjs';

const AUTH = `/${API_PREFIX}/auth`;
const ME = `/${API_PREFIX}/me`;

/** The account's own lifecycle: verification, password reset and change, sessions, how agency people are emailed. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  verifyEmail(token: string): Observable<void> {
    return this.http.post<void>(`${AUTH}/verify-email`, { token });
  }

  /** The address a live link to finish registering is for, without using the link up. */
  registrationLink(token: string): Observable<RegistrationLinkView> {
    return this.http.post<RegistrationLinkView>(`${AUTH}/register/link`, { token });
  }

  /** The link emailed on registering, with the password chosen then: makes the account and signs this browser in. */
  confirmRegistration(request: ConfirmRegistrationRequest): Observable<RegistrationConfirmedView> {
    return this.http.post<RegistrationConfirmedView>(`${AUTH}/register/confirm`, request);
  }

  /** A live link whose password is forgotten or not theirs: it stops working and a new one is emailed to the same address. */
  restartRegistration(request: RestartRegistrationRequest): Observable<RegisterResult> {
    return this.http.post<RegisterResult>(`${AUTH}/register/restart`, request);
  }

  resendVerification(): Observable<void> {
    return this.http.post<void>(`${ME}/email-verification`, {});
  }

  requestPasswordReset(email: string): Observable<void> {
    return this.http.post<void>(`${AUTH}/password-reset`, { email });
  }

  /** The address a live reset link is for, without using the link up. */
  passwordResetLink(token: string): Observable<PasswordResetLinkView> {
    return this.http.post<PasswordResetLinkView>(`${AUTH}/password-reset/link`, { token });
  }

  confirmPasswordReset(request: PasswordResetConfirmRequest): Observable<UserView> {
    return this.http.post<UserView>(`${AUTH}/password-reset/confirm`, request);
  }

  /** Whom a live invitation is for (ADR 0082), without using the link up. */
  invitationLink(token: string): Observable<InvitationLinkView> {
    return this.http.post<InvitationLinkView>(`${AUTH}/invitation/link`, { token });
  }

  /** The invited person's chosen password: signs this browser in. */
  acceptInvitation(request: AcceptInvitationRequest): Observable<UserView> {
    return this.http.post<UserView>(`${AUTH}/invitation/accept`, request);
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${ME}/password`, request);
  }

  /** Recruiters and staff: reminders one by one, or in an hourly or daily digest. */
  updateAgencyMail(agencyMail: AgencyMailPreference): Observable<UserView> {
    return this.http.patch<UserView>(`${ME}/agency-mail`, { agencyMail });
  }

  sessions(): Observable<SessionView[]> {
    return this.http.get<SessionView[]>(`${ME}/sessions`);
  }

  revokeSession(id: string): Observable<void> {
    return this.http.delete<void>(`${ME}/sessions/${encodeURIComponent(id)}`);
  }
}
