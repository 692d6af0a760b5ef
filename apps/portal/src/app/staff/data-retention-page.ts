import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN, RetentionSettingsView } from '@heardback/contracts';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { formatShortDateTime } from '../core/date-time';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { LoadState } from '../core/load-state';
import { LOADING, Loadable, loadable, valueOf } from '../core/loadable';
import { RetentionApi } from './retention-api';

/** /staff/data-retention: how long closed applications are kept before the background work erases them. */
@Component({
  selector: 'hb-data-retention-page',
  imports: [FormAlert, FORM_FIELD, LoadState],
  template: `
    <h1 class="page-title">Data retention</h1>
    <p class="page-lead retention__lead">
      Closed applications (rejected, withdrawn, hired, or closed with their job) are erased this long after they closed:
      the candidate's words and details go, the stages, decisions and dates stay for your statistics. A candidate with
      nothing left who has not signed in for as long is erased entirely. Each candidate is emailed
      {{ noticeDays() }} days before.
    </p>

    <hb-load-state [state]="settings()" what="the retention period" (retry)="load()">
      <form class="form retention" novalidate (submit)="save($event)">
        <hb-field
          label="Erase closed applications after (months)"
          fieldId="retention-months"
          [hint]="'A whole number from ' + min + ' to ' + max + '.'"
          [problem]="problem()"
        >
          <input
            hbControl
            class="field__input retention__months"
            type="number"
            inputmode="numeric"
            [min]="min"
            [max]="max"
            step="1"
            [value]="months()"
            (input)="onInput($event)"
          />
        </hb-field>

        <hb-form-alert [message]="submission.failure()" />

        <div class="profile__actions">
          <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
            {{ submission.busy() ? 'Saving…' : 'Save retention period' }}
          </button>
          <p class="profile__saved" role="status">{{ saved() }}</p>
        </div>
        @if (lastChange(); as change) {
          <p class="field__hint">{{ change }}</p>
        }
      </form>
    </hb-load-state>
  `,
  styles: `
    :host {
      display: block;
    }
    .retention {
      max-width: 28rem;
    }
    .retention__lead {
      max-width: 40rem;
    }
    .retention__months {
      max-width: 8rem;
    }
    .profile__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
    }
    .profile__saved {
      margin: 0;
      color: var(--hb-success);
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataRetentionPage {
  private readonly api = inject(RetentionApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly focus = focusLater();

  protected readonly min = RETENTION_MONTHS_MIN;
  protected readonly max = RETENTION_MONTHS_MAX;
  protected readonly settings = signal<Loadable<RetentionSettingsView>>(LOADING);
  protected readonly months = signal('');
  protected readonly problem = signal('');
  protected readonly saved = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected readonly noticeDays = computed(() => valueOf(this.settings())?.noticeDays ?? 30);
  protected readonly lastChange = computed(() => {
    const current = valueOf(this.settings());
    if (!current?.updatedBy) return '';
    return `Last changed by ${current.updatedBy} on ${formatShortDateTime(current.updatedAt)}.`;
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    loadable(this.api.settings())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((loaded) => {
        this.settings.set(loaded);
        const value = valueOf(loaded);
        if (value) this.months.set(String(value.retentionMonths));
      });
  }

  protected onInput(event: Event): void {
    this.months.set((event.target as HTMLInputElement).value);
    this.problem.set('');
    this.saved.set('');
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.submission.busy()) return;
    this.submission.fail('');
    this.saved.set('');
    const months = Number(this.months());
    if (this.months().trim() === '' || !Number.isInteger(months) || months < this.min || months > this.max) {
      this.problem.set(`Enter a whole number of months from ${this.min} to ${this.max}.`);
      this.focus(FIRST_INVALID);
      return;
    }
    this.submission.send(() => this.api.update({ retentionMonths: months }), {
      done: (settings) => {
        this.settings.set({ state: 'ready', value: settings });
        this.saved.set(
          `Saved. Closed applications are now erased after ${settings.retentionMonths} ${settings.retentionMonths === 1 ? 'month' : 'months'}.`,
        );
      },
      failed: (error) => {
        const refused = fieldProblem(error, 'retentionMonths', 'The period');
        if (refused) {
          this.problem.set(refused);
          this.focus(FIRST_INVALID);
          return null;
        }
        return `The retention period was not changed. ${httpErrorMessage(error)}`;
      },
    });
  }
}
