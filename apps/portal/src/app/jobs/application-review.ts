import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { DocumentView, JobDetail, PrivacyNoticeView, ScreeningAnswerView } from '@heardback/contracts';
import { FormAlert } from '../core/form-alert';
import { focusLater } from '../core/focus-later';
import { PrivacyNoticeText } from '../privacy/privacy-notice-text';

/** Who receives an application: the agency's recruiters for the job (the notice says the client sees it too). */
export const AGENCY_NAME = 'Heardback';

/**
 * "Review and apply": exactly what will be sent and to whom, each part in its own section, the
 * privacy notice to read, and the consent box that must be ticked before "Send application".
 */
@Component({
  selector: 'hb-application-review',
  imports: [FormAlert, PrivacyNoticeText],
  templateUrl: './application-review.html',
  styleUrl: './application-review.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationReview {
  private readonly focus = focusLater();

  readonly job = input.required<JobDetail>();
  readonly candidate = input.required<{ fullName: string; email: string }>();
  readonly answers = input.required<ScreeningAnswerView[]>();
  readonly talentPool = input.required<boolean>();
  /** The CV chosen to go with the application, and the cover letter typed (empty: none). */
  readonly cv = input<DocumentView | null>(null);
  readonly coverLetter = input('');
  /** The notice in force; null while it loads. A new version unticks the box: consent is to the words read. */
  readonly notice = input.required<PrivacyNoticeView | null>();
  readonly busy = input(false);
  readonly failure = input('');

  readonly send = output<number>();
  readonly back = output<void>();

  protected readonly agency = AGENCY_NAME;
  protected readonly consented = signal(false);
  protected readonly consentProblem = signal('');
  protected readonly noticeOpen = signal(false);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    effect(() => {
      this.notice();
      this.consented.set(false);
    });
    this.focus(() => this.heading());
  }

  protected toggleNotice(event: Event): void {
    this.noticeOpen.set((event.target as HTMLDetailsElement).open);
  }

  protected onConsent(event: Event): void {
    this.consented.set((event.target as HTMLInputElement).checked);
    this.consentProblem.set('');
  }

  /** A notice that changed while the candidate was reviewing: open it and ask them to read it again. */
  showNoticeAgain(): void {
    this.noticeOpen.set(true);
    this.focus('#apply-consent');
  }

  protected submit(): void {
    const notice = this.notice();
    if (this.busy() || !notice) return;
    if (!this.consented()) {
      this.consentProblem.set(
        'Tick the box to agree to the privacy notice: without it, we cannot send your application.',
      );
      this.focus('#apply-consent');
      return;
    }
    this.send.emit(notice.version);
  }
}
