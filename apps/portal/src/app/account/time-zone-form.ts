import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { SessionStore } from '../core/session';
import { CandidateApi } from '../candidate/candidate-api';
import { NOW, browserLocales, formatDateTime } from '../core/date-time';
import { browserTimeZone } from '../core/viewer-time-zone';
import { labelAmong, listedTimeZones, withTimeZone } from './time-zone-choices';

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
          @for (group of groups(); track group.region) {
            <optgroup [label]="group.region">
              @for (choice of group.choices; track choice.id) {
                <option [value]="choice.id" [selected]="choice.id === zone()">{{ choice.label }}</option>
              }
            </optgroup>
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

  /** The moment every offset is read at, and the reader's languages: the labels are made once, with them. */
  private readonly at = this.now();
  private readonly locales = browserLocales();
  private readonly listed = listedTimeZones(this.at, this.locales);
  /** The zone in use: the saved one, else the browser's. */
  private readonly inUse = computed(() => this.session.user()?.timeZone ?? browserTimeZone());
  /** The browser's zones, and the one in use even where the browser does not list it (e.g. "UTC"). */
  protected readonly groups = computed(() => withTimeZone(this.listed, this.inUse(), this.at, this.locales));
  /** What the select shows; starts as the zone in use. */
  protected readonly zone = linkedSignal(() => this.inUse());
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
        this.saved.set(`Saved. Times are now shown in ${labelAmong(this.groups(), timeZone, this.at, this.locales)}.`);
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
