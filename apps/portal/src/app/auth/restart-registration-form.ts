import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RegisterResult } from '@heardback/contracts';
import { PASSWORD_RULE } from '@heardback/domain';
import { AccountApi } from '../account/account-api';
import { httpErrorMessage } from '../core/api-error';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { browserTimeZone } from '../core/viewer-time-zone';
import { DeadRegistrationLink, deadRegistrationLink } from './dead-registration-link';
import { FieldProblems, newPasswordProblem, requiredProblem } from './field-problems';

type Field = 'fullName' | 'password';
const FIELDS: readonly Field[] = ['fullName', 'password'];
const FIELD_NAMES: Record<Field, string> = { fullName: 'Full name', password: 'New password' };

/**
 * Starts a registration again from its emailed link, with a name and password of the person's own (ADR
 * 0068): for a forgotten password, or a link a stranger's registration sent to their address. The API
 * emails a new link to the same address; the host then says to check the inbox.
 */
@Component({
  selector: 'hb-restart-registration-form',
  imports: [FormAlert, ReactiveFormsModule, FORM_FIELD],
  template: `
    <form class="form" novalidate [formGroup]="form" (ngSubmit)="submit()">
      <hb-field label="Full name" fieldId="restart-registration-full-name" [problem]="fields.problem('fullName')">
        <input
          hbControl
          class="field__input"
          type="text"
          autocomplete="name"
          formControlName="fullName"
          (input)="fields.edited('fullName')"
        />
      </hb-field>
      <hb-field
        label="New password"
        fieldId="restart-registration-password"
        [hint]="passwordRule"
        [problem]="fields.problem('password')"
      >
        <input
          hbControl
          class="field__input"
          type="password"
          autocomplete="new-password"
          formControlName="password"
          (input)="fields.edited('password')"
        />
      </hb-field>
      <hb-form-alert [message]="submission.failure()" />
      <p class="notice__actions">
        <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
          {{ submission.busy() ? 'Sending a new link…' : 'Send me a new link' }}
        </button>
        <button class="link-button" type="button" (click)="cancelled.emit()">Back to the password</button>
      </p>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RestartRegistrationForm {
  private readonly api = inject(AccountApi);
  private readonly focus = focusLater();

  /** `?token=` of the link being started again. */
  readonly token = input.required<string>();
  /** The address the link is for, when known: the password rule refuses one built from it. */
  readonly email = input('');
  /** Sent: the address the new link went to. */
  readonly sent = output<RegisterResult>();
  /** The link stopped working meanwhile (used, expired, or its address got an account): the API's answer. */
  readonly linkDead = output<DeadRegistrationLink>();
  readonly cancelled = output<void>();

  protected readonly passwordRule = PASSWORD_RULE;
  protected readonly form = inject(NonNullableFormBuilder).group({ fullName: [''], password: [''] });
  protected readonly fields = new FieldProblems<Field>((field) => this.clientProblem(field));
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected submit(): void {
    this.fields.submitted.set(true);
    this.submission.fail('');
    if (this.submission.busy()) return;
    if (FIELDS.some((field) => this.clientProblem(field))) {
      this.focus(FIRST_INVALID);
      return;
    }
    const { fullName, password } = this.form.getRawValue();
    this.submission.send(
      () =>
        this.api.restartRegistration({
          token: this.token(),
          fullName: fullName.trim(),
          password,
          timeZone: browserTimeZone(),
        }),
      {
        done: (result) => this.sent.emit(result),
        failed: (error) => {
          if (this.fields.showServerReasons(error, FIELD_NAMES)) {
            this.focus(FIRST_INVALID);
            return null;
          }
          const dead = deadRegistrationLink(error);
          if (dead) {
            this.linkDead.emit(dead);
            return null;
          }
          return httpErrorMessage(error);
        },
      },
    );
  }

  private clientProblem(field: Field): string | null {
    const control = this.form.controls[field];
    return field === 'fullName'
      ? requiredProblem(control, 'Enter your full name.')
      : newPasswordProblem(control, this.email());
  }
}
