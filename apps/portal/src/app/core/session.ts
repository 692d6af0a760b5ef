import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  API_PREFIX,
  LoginRequest,
  RegisterRequest,
  RegisterResult,
  SignedInView,
  UserRole,
  UserView,
} from '@heardback/contracts';
import { Observable, firstValueFrom, tap } from 'rxjs';
// From the zone's public home rather than chosen-time-zone, so the first page's code carries it: every
// page that writes a time imports it, and as a chunk of its own it was a round trip after the page's.
import { setViewerTimeZone } from './viewer-time-zone';

export const AUTH_URL = `/${API_PREFIX}/auth`;

/** Where each kind of user starts: the page that answers "what do I do here?". */
export const ROLE_HOME: Record<UserRole, string> = {
  [UserRole.Candidate]: '/me',
  [UserRole.Recruiter]: '/recruiter',
  [UserRole.Staff]: '/staff',
};

/**
 * Who is signed in. The session itself is an http-only cookie the API sets; this store only
 * remembers the user it belongs to, so the page can show the right navigation and guards.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);

  private readonly current = signal<UserView | null>(null);

  private readonly loadedState = signal(false);
  private loading: Promise<void> | null = null;

  /** The signed-in user, or null for a visitor. */
  readonly user = this.current.asReadonly();
  /** True once the startup check has answered, whatever it said. */
  readonly loaded = this.loadedState.asReadonly();
  readonly role = computed(() => this.current()?.role ?? null);

  /**
   * Asks the API who the session cookie belongs to; it answers `{ user: null }` for a visitor, so an
   * anonymous page logs no failed request. A failure is treated as a visitor too, so the public
   * board still opens when the API has a bad moment.
   */
  load(): Promise<void> {
    this.loading ??= firstValueFrom(this.http.get<SignedInView>(`${AUTH_URL}/session`))
      .then(
        (session) => this.remember(session.user),
        () => this.remember(null),
      )
      .finally(() => this.loadedState.set(true));
    return this.loading;
  }

  /** Resolves when the startup check is done; guards wait for it before deciding. */
  whenLoaded(): Promise<void> {
    return this.loading ?? this.load();
  }

  signIn(credentials: LoginRequest): Observable<UserView> {
    return this.http.post<UserView>(`${AUTH_URL}/login`, credentials).pipe(tap((user) => this.signedIn(user)));
  }

  /**
   * Asks for an account: the API answers the same for any address and signs no one in. The emailed
   * link makes the account and signs in whoever opens it (`signedInWith`).
   */
  register(details: RegisterRequest): Observable<RegisterResult> {
    return this.http.post<RegisterResult>(`${AUTH_URL}/register`, details);
  }

  /** Signed in by an emailed link: a new password set, or a registration finished. */
  signedInWith(user: UserView): void {
    this.signedIn(user);
  }

  /** Ends the session on the server; the page forgets the user even if the server cannot be reached. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(`${AUTH_URL}/logout`, {}));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) {
        throw error;
      }
    } finally {
      this.remember(null);
    }
  }

  /** Replaces the remembered user, e.g. after the profile changed their name. */
  update(user: UserView): void {
    this.remember(user);
  }

  /** A request answered 401: the session expired or was ended elsewhere. */
  forget(): void {
    this.remember(null);
  }

  /** Every time on every page follows the signed-in person's own zone, set here and nowhere else. */
  private remember(user: UserView | null): void {
    setViewerTimeZone(user?.timeZone);
    this.current.set(user);
  }

  private signedIn(user: UserView): void {
    this.remember(user);
    this.loadedState.set(true);
  }
}
