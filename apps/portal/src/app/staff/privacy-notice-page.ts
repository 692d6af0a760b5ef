import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ErrorCode, PRIVACY_NOTICE_MAX_LENGTH, PrivacyNoticeView } from '@heardback/contracts';
import { agencyErrorMessage, errorCodeOf, fieldProblem } from '../core/api-error';
import { formatDateTime } from '../core/date-time';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { pageData } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { PrivacyApi } from '../privacy/privacy-api';
import { PrivacyNoticeText } from '../privacy/privacy-notice-text';

/**
 * /staff/privacy-notice: the notice candidates read before they consent, and publishing a new
 * version of it. Versions are never edited: a new one applies to consents given from then on.
 */
@Component({
  selector: 'hb-privacy-notice-page',
  imports: [LoadState, FormAlert, FORM_FIELD, PrivacyNoticeText],
  templateUrl: './privacy-notice-page.html',
  styleUrl: './privacy-notice-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivacyNoticePage {
  private readonly api = inject(PrivacyApi);
  private readonly focus = focusLater();

  protected readonly maxLength = PRIVACY_NOTICE_MAX_LENGTH;
  protected readonly current = pageData({
    request: () => this.api.currentNotice(),
    loaded: (notice) => this.text.set(notice.text),
  });
  protected readonly text = signal('');
  protected readonly problem = signal('');
  protected readonly published = signal('');
  protected readonly submission = formSubmission({ errorMessage: agencyErrorMessage });

  protected publishedAt(notice: PrivacyNoticeView): string {
    return formatDateTime(notice.publishedAt);
  }

  protected onInput(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
    this.problem.set('');
    this.published.set('');
  }

  protected publish(): void {
    const current = this.current.value();
    if (!current || this.submission.busy()) return;
    this.submission.fail('');
    const text = this.text().trim();
    if (text === '' || text.length > this.maxLength) {
      this.problem.set(
        text === ''
          ? 'Write the notice candidates will read.'
          : `Keep the notice to ${this.maxLength} characters or fewer.`,
      );
      this.focus(FIRST_INVALID);
      return;
    }
    if (text === current.text.trim()) {
      this.problem.set('This is the current version, word for word: change something before publishing.');
      this.focus(FIRST_INVALID);
      return;
    }
    this.submission.send(() => this.api.publish({ text, basedOnVersion: current.version }), {
      done: (notice) => {
        this.current.set(notice);
        this.text.set(notice.text);
        this.published.set(`Version ${notice.version} is published: candidates consent to it from now on.`);
      },
      failed: (error) => {
        const textProblem = fieldProblem(error, 'text', 'The notice');
        if (textProblem) {
          this.problem.set(textProblem);
          this.focus(FIRST_INVALID);
          return null;
        }
        return errorCodeOf(error) === ErrorCode.PrivacyNoticeChanged
          ? 'Someone published another version while you were editing. Copy your changes, reload the page and make them to the new version.'
          : `The notice was not published. ${agencyErrorMessage(error)}`;
      },
    });
  }
}
