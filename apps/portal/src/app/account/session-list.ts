import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { SessionView } from '@heardback/contracts';
import { httpErrorMessage } from '../core/api-error';
import { formatDateTime } from '../core/date-time';
import { errorOf, pageData } from '../core/loadable';
import { AccountApi } from './account-api';

/** The browsers signed in to this account, each of which (but this one) can be signed out. */
@Component({
  selector: 'hb-session-list',
  template: `
    @if (failure() || loadFailure(); as message) {
      <p class="form__error" role="alert">{{ message }}</p>
    }
    <ul class="session-list">
      @for (session of sessions.value() ?? []; track session.id) {
        <li class="session-list__item">
          <div>
            <strong>{{ session.device }}</strong>
            @if (session.current) {
              <span class="badge">This device</span>
            }
            <p class="session-list__times">
              Signed in {{ when(session.createdAt) }} · last active {{ when(session.lastSeenAt) }}
            </p>
          </div>
          @if (!session.current) {
            <button class="button button--secondary" type="button" (click)="revoke(session)">
              Sign out {{ session.device }}
            </button>
          }
        </li>
      }
    </ul>
    <p class="profile__saved" role="status">{{ status() }}</p>
  `,
  styles: `
    .session-list {
      display: grid;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .session-list__item {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      justify-content: space-between;
      padding-bottom: 0.75rem;
      border-bottom: 1px solid var(--hb-border, #ddd);
    }
    .session-list__times {
      margin: 0.25rem 0 0;
      color: var(--hb-text-muted);
      font-size: 0.875rem;
    }
    .badge {
      margin-left: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionList {
  private readonly api = inject(AccountApi);

  protected readonly sessions = pageData({
    request: () => this.api.sessions(),
    errorMessage: (error) => `We couldn't load your sessions. ${httpErrorMessage(error)}`,
  });
  protected readonly loadFailure = computed(() => errorOf(this.sessions.state()));
  protected readonly failure = signal('');
  protected readonly status = signal('');

  reload(): void {
    this.sessions.reload();
  }

  protected when(at: string): string {
    return formatDateTime(at);
  }

  protected revoke(session: SessionView): void {
    this.api.revokeSession(session.id).subscribe({
      next: () => {
        this.sessions.update((all) => all.filter((other) => other.id !== session.id));
        this.status.set(`${session.device} is signed out.`);
      },
      error: (error: unknown) => this.failure.set(`That session was not ended. ${httpErrorMessage(error)}`),
    });
  }
}
