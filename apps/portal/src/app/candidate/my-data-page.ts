import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { EXPORT_ARCHIVE_NAME } from '@heardback/contracts';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { SessionStore } from '../core/session';
import { DataRightsApi, EXPORT_URL } from './data-rights-api';

/**
 * /me/data: the candidate takes a copy of everything held about them, or deletes their account.
 * Deleting asks twice: a button opens the confirmation, which needs the password typed again.
 */
@Component({
  selector: 'hb-my-data-page',
  imports: [FormAlert, FORM_FIELD],
  templateUrl: './my-data-page.html',
  styleUrls: ['../account/account-page.scss', './my-data-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyDataPage {
  private readonly api = inject(DataRightsApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly focus = focusLater();

  protected readonly exportUrl = EXPORT_URL;
  protected readonly archiveName = EXPORT_ARCHIVE_NAME;
  protected readonly confirming = signal(false);
  protected readonly password = signal('');
  protected readonly problem = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  private readonly confirmHeading = viewChild<ElementRef<HTMLElement>>('confirmHeading');
  private readonly startButton = viewChild<ElementRef<HTMLButtonElement>>('startButton');

  protected startDeleting(): void {
    this.confirming.set(true);
    this.focus(() => this.confirmHeading()?.nativeElement);
  }

  protected keepAccount(): void {
    this.confirming.set(false);
    this.password.set('');
    this.problem.set('');
    this.submission.fail('');
    this.focus(() => this.startButton()?.nativeElement);
  }

  protected onPassword(event: Event): void {
    this.password.set((event.target as HTMLInputElement).value);
    this.problem.set('');
  }

  protected erase(event: Event): void {
    event.preventDefault();
    if (this.submission.busy()) return;
    this.submission.fail('');
    if (this.password() === '') {
      this.problem.set('Type your password to confirm it is you.');
      this.focus(FIRST_INVALID);
      return;
    }
    this.submission.send(() => this.api.eraseAccount({ password: this.password() }), {
      done: () => {
        this.session.forget();
        void this.router.navigateByUrl('/account-deleted');
      },
      failed: (error) => {
        const wrong = fieldProblem(error, 'password', 'Password');
        if (wrong) {
          this.problem.set(wrong);
          this.focus(FIRST_INVALID);
          return null;
        }
        return `Your account was not deleted. ${httpErrorMessage(error)}`;
      },
    });
  }
}
