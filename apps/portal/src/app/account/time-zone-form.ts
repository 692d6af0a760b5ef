import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { SessionStore } from '../core/session';
import { CandidateApi } from '../candidate/candidate-api';
import { NOW, formatDateTime } from '../core/date-time';
import { browserTimeZone, currentTimeZone } from '../core/viewer-time-zone';

/** Every zone the browser knows, with the one in use first among equals (an alias such as "UTC" may be missing). */
function zoneChoices(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

/** The zone every time is written in for this person, on pages and in emails; starts as the one in use. */
@Component({
  selector: 'hb-time-zone-form',
  imports: [FormAlert, FORM_FIELD],
  template: `
    <form class="form" novalidate (submit)="save($event)">
      <hb-field
        label="Time zone"
        fieldId="profile-time-zone"
        [hint]="'Times on these pages and in our emails are shown in the zone you save here. Now: ' + example() + '.'"
        [problem]="problem()"
      >
        <select hbControl class="field__input" [value]="zone()" (change)="onChange($event)">
          @for (choice of choices; track choice) {
            <option [value]="choice" [selected]="choice === zone()">{{ choice }}</option>
          }
        </select>
      </hb-field>

      <hb-form-alert [message]="submission.failure()" />

      <div class="profile__actions">
        <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
          {{ submission.busy() ? 'Saving…' : 'Save time zone' }}
        </button>
        <p class="profile__saved" role="status">{{ saved() }}</p>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeZoneForm {
  private readonly session = inject(SessionStore);
  private readonly api = inject(CandidateApi);
  private readonly now = inject(NOW);

  protected readonly choices = zoneChoices(currentTimeZone());
  /** What the select shows; starts as the zone in use (the saved one, else the browser's). */
  protected readonly zone = linkedSignal(() => this.session.user()?.timeZone ?? browserTimeZone());
  protected readonly example = computed(() => formatDateTime(this.now().toISOString(), { timeZone: this.zone() }));
  protected readonly problem = signal('');
  protected readonly saved = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected onChange(event: Event): void {
    this.zone.set((event.target as HTMLSelectElement).value);
    this.problem.set('');
    this.saved.set('');
  }

  protected save(event: Event): void {
    event.preventDefault();
    const user = this.session.user();
    if (this.submission.busy() || !user) {
      return;
    }
    this.submission.fail('');
    const timeZone = this.zone();
    this.submission.send(() => this.api.updateProfile({ fullName: user.fullName, timeZone }), {
      done: (updated) => {
        this.session.update(updated);
        this.saved.set(`Saved. Times are now shown in ${timeZone}.`);
      },
      failed: (error) => {
        const zoneProblem = fieldProblem(error, 'timeZone', 'Time zone');
        if (zoneProblem) {
          this.problem.set(zoneProblem);
          return null;
        }
        return `Your time zone was not changed. ${httpErrorMessage(error)}`;
      },
    });
  }
}
