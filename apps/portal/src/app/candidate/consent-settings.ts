import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ConsentsView, ErrorCode, PrivacyNoticeView } from '@heardback/contracts';
import { forkJoin } from 'rxjs';
import { errorCodeOf, httpErrorMessage } from '../core/api-error';
import { formatDate } from '../core/date-time';
import { FormAlert } from '../core/form-alert';
import { formSubmission } from '../core/form-submission';
import { PrivacyApi } from '../privacy/privacy-api';
import { PrivacyNoticeText } from '../privacy/privacy-notice-text';

/**
 * "Your consents" on the profile: what the candidate agreed to and under which notice, the privacy
 * notice to read, and the talent pool ("Consider me for other jobs") to give or withdraw at any time.
 * The consent for an application ends when the candidate withdraws that application.
 */
@Component({
  selector: 'hb-consent-settings',
  imports: [RouterLink, FormAlert, PrivacyNoticeText],
  templateUrl: './consent-settings.html',
  styleUrl: './consent-settings.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentSettings {
  private readonly api = inject(PrivacyApi);

  protected readonly consents = signal<ConsentsView | null>(null);
  protected readonly notice = signal<PrivacyNoticeView | null>(null);
  protected readonly loadProblem = signal('');
  protected readonly saved = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  protected readonly talentPoolSince = computed(() => {
    const given = this.consents()?.talentPool;
    return given ? { on: formatDate(given.givenAt), version: given.noticeVersion } : null;
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadProblem.set('');
    forkJoin({ consents: this.api.myConsents(), notice: this.api.currentNotice() }).subscribe({
      next: ({ consents, notice }) => {
        this.consents.set(consents);
        this.notice.set(notice);
      },
      error: (error: unknown) => this.loadProblem.set(`Your consents could not be loaded. ${httpErrorMessage(error)}`),
    });
  }

  protected giveTalentPool(): void {
    const notice = this.notice();
    if (!notice) return;
    this.saved.set('');
    this.submission.send(() => this.api.giveTalentPool({ privacyNoticeVersion: notice.version }), {
      done: (consents) => {
        this.consents.set(consents);
        this.saved.set('Recruiters may now consider you for other jobs.');
      },
      failed: (error) => {
        if (errorCodeOf(error) === ErrorCode.PrivacyNoticeChanged) {
          this.load();
          return 'The privacy notice has just changed. Read the new version, then choose again.';
        }
        return `Nothing changed. ${httpErrorMessage(error)}`;
      },
    });
  }

  protected withdrawTalentPool(): void {
    this.saved.set('');
    this.submission.send(() => this.api.withdrawTalentPool(), {
      done: (consents) => {
        this.consents.set(consents);
        this.saved.set('Done: recruiters will consider you only for the jobs you apply to.');
      },
      failed: (error) => `Nothing changed. ${httpErrorMessage(error)}`,
    });
  }
}
