import { ChangeDetectionStrategy, Component, effect, inject, input, output, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  CLIENT_CONTACT_NAME_MAX_LENGTH,
  CLIENT_CONTACT_ROLE_MAX_LENGTH,
  ClientContactView,
  EMAIL_MAX_LENGTH,
  ErrorCode,
} from '@heardback/contracts';
import { apiError } from '../core/api-error';
import { ClientApi } from '../core/client-api';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { ProblemWords, formSubmission } from '../core/form-submission';
import { notBlank } from '../core/text-validators';

const PROBLEMS = {
  fullName: {
    maxlength: `Keep the name to ${CLIENT_CONTACT_NAME_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Type the contact’s name.',
  },
  email: {
    maxlength: `Keep the email to ${EMAIL_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Type an email address, such as name@client.com: review links are sent to it.',
  },
  role: { otherwise: `Keep the role to ${CLIENT_CONTACT_ROLE_MAX_LENGTH} characters or fewer.` },
} satisfies Record<string, ProblemWords>;

/** Adds a contact to a client, or edits one (`contact` given): name, email and role at the client. */
@Component({
  selector: 'hb-client-contact-form',
  imports: [ReactiveFormsModule, FORM_FIELD, FormAlert],
  template: `
    <form class="contact-form" [formGroup]="form" novalidate (ngSubmit)="save()" [attr.aria-label]="title()">
      <div class="form-row">
        <hb-field label="Name" [fieldId]="idPrefix() + '-name'" [problem]="problem('fullName')">
          <input hbControl class="input" type="text" autocomplete="off" formControlName="fullName" />
        </hb-field>
        <hb-field label="Email" [fieldId]="idPrefix() + '-email'" [problem]="problem('email')">
          <input hbControl class="input" type="email" autocomplete="off" formControlName="email" />
        </hb-field>
        <hb-field label="Role (optional)" [fieldId]="idPrefix() + '-role'" [problem]="problem('role')">
          <input hbControl class="input" type="text" autocomplete="off" formControlName="role" />
        </hb-field>
      </div>
      <hb-form-alert [message]="submission.failure()" />
      <div class="actions">
        <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
          {{ submission.busy() ? 'Saving…' : contact() ? 'Save contact' : 'Add contact' }}
        </button>
        @if (contact()) {
          <button class="button button--secondary" type="button" (click)="cancelled.emit()">Cancel</button>
        }
      </div>
    </form>
  `,
  styles: `
    .contact-form .actions {
      margin-top: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientContactForm {
  private readonly api = inject(ClientApi);
  private readonly focus = focusLater();

  readonly clientId = input.required<string>();
  /** The contact to edit; none to add a new one. */
  readonly contact = input<ClientContactView | null>(null);
  readonly saved = output<ClientContactView>();
  readonly cancelled = output<void>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    fullName: ['', [notBlank, Validators.maxLength(CLIENT_CONTACT_NAME_MAX_LENGTH)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    role: ['', Validators.maxLength(CLIENT_CONTACT_ROLE_MAX_LENGTH)],
  });
  protected readonly submission = formSubmission({ form: this.form, onInvalid: () => this.focus(FIRST_INVALID) });

  protected idPrefix(): string {
    return `contact-${this.contact()?.id ?? 'new'}`;
  }

  protected title(): string {
    const contact = this.contact();
    return contact ? `Edit ${contact.fullName}` : 'Add a contact';
  }

  constructor() {
    // Editing starts from the contact as it is.
    effect(() => {
      const contact = this.contact();
      untracked(() => {
        this.form.reset({ fullName: contact?.fullName ?? '', email: contact?.email ?? '', role: contact?.role ?? '' });
        this.submission.submitted.set(false);
      });
    });
  }

  protected problem(name: keyof typeof PROBLEMS): string {
    return this.submission.problem(this.form.controls[name], PROBLEMS[name]);
  }

  protected save(): void {
    if (!this.submission.begin()) {
      return;
    }
    const { fullName, email, role } = this.form.getRawValue();
    const request = { fullName: fullName.trim(), email: email.trim(), role: role.trim() };
    const contact = this.contact();
    this.submission.send(
      () =>
        contact
          ? this.api.updateContact(this.clientId(), contact.id, request)
          : this.api.addContact(this.clientId(), request),
      {
        done: (saved) => {
          if (!contact) {
            this.form.reset({ fullName: '', email: '', role: '' });
            this.submission.submitted.set(false);
            this.focus(`#${this.idPrefix()}-name`);
          }
          this.saved.emit(saved);
        },
        failed: (error) => {
          const refused = apiError(error);
          if (refused?.code === ErrorCode.ClientContactEmailTaken) {
            this.form.controls.email.setErrors({ server: refused.message });
            this.form.controls.email.markAsTouched();
            this.focus(FIRST_INVALID);
            return null;
          }
          const message = this.submission.errorMessage(error);
          this.focus(FIRST_INVALID);
          return message;
        },
      },
    );
  }
}
