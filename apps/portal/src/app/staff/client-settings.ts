import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { ClientDetailView } from '@heardback/contracts';
import { ClientApi } from '../core/client-api';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { PersonPicker } from './person-picker';

/** What auto-publish does, beside its switch. */
export const AUTO_PUBLISH_EXPLAINED =
  'When on, what this client’s interviewers write through their review link reaches the candidate at once, ' +
  'without a recruiter reading it first. When off, a recruiter reviews it, may edit the words for the candidate, ' +
  'and publishes it.';

/** Staff set who the client's late feedback is escalated to last, and whether its feedback skips review. */
@Component({
  selector: 'hb-client-settings',
  imports: [ReactiveFormsModule, FORM_FIELD, FormAlert, PersonPicker],
  template: `
    <form [formGroup]="form" novalidate (ngSubmit)="save()" aria-labelledby="client-settings-title">
      <h2 class="section-title" id="client-settings-title">In the feedback loop</h2>
      <hb-field
        label="Account owner"
        fieldId="client-account-owner"
        hint="The agency person told last when this client’s interviewers are late with feedback, after the recruiter. Leave it empty for nobody: the agency leads are told."
        [problem]="
          submission.problem(form.controls.accountOwnerId, {
            unpicked: 'Choose the person from the list as you type, or empty the box for nobody.',
            otherwise: 'Choose an active recruiter or staff member.',
          })
        "
      >
        <hb-person-picker
          [control]="form.controls.accountOwnerId"
          [chosenName]="ownerName()"
          [active]="true"
          placeholder="Nobody (the agency leads)"
        />
      </hb-field>
      <div class="choices-stacked">
        <label class="choice">
          <input
            type="checkbox"
            role="switch"
            formControlName="autoPublish"
            aria-describedby="client-auto-publish-hint"
          />
          <span class="choice__label">Publish client feedback without review</span>
        </label>
        <p class="field__hint client-settings__hint" id="client-auto-publish-hint">{{ autoPublishExplained }}</p>
      </div>
      <hb-form-alert [message]="submission.failure()" />
      <div class="actions">
        <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
          {{ submission.busy() ? 'Saving…' : 'Save settings' }}
        </button>
        <p class="client-settings__saved" role="status">{{ savedMessage() }}</p>
      </div>
    </form>
  `,
  styles: `
    .choice__label {
      font-weight: 600;
    }

    .client-settings__hint {
      margin: 0.375rem 0 1rem;
    }

    .client-settings__saved {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientSettings {
  private readonly api = inject(ClientApi);

  readonly client = input.required<ClientDetailView>();
  readonly saved = output<ClientDetailView>();

  protected readonly autoPublishExplained = AUTO_PUBLISH_EXPLAINED;
  protected readonly form = new FormGroup({
    accountOwnerId: new FormControl('', { nonNullable: true }),
    autoPublish: new FormControl(false, { nonNullable: true }),
  });
  protected readonly submission = formSubmission({
    form: this.form,
    controlFor: { autoPublishClientFeedback: 'autoPublish' },
  });
  protected readonly savedMessage = signal('');

  /** The owner the client has; the picker offers only active people, so a disabled owner is said to be one. */
  protected readonly ownerName = computed(() => {
    const owner = this.client().accountOwner;
    if (!owner) return '';
    return owner.active ? owner.fullName : `${owner.fullName} (no longer active)`;
  });

  constructor() {
    effect(() => {
      const client = this.client();
      untracked(() =>
        this.form.reset({
          accountOwnerId: client.accountOwner?.id ?? '',
          autoPublish: client.autoPublishClientFeedback,
        }),
      );
    });
  }

  protected save(): void {
    if (!this.submission.begin()) {
      return;
    }
    this.savedMessage.set('');
    const { accountOwnerId, autoPublish } = this.form.getRawValue();
    // The owner is sent only when changed: a disabled owner, left as is, must not stop other settings saving.
    const ownerChanged = this.form.controls.accountOwnerId.dirty;
    this.submission.send(
      () =>
        this.api.updateSettings(this.client().id, {
          ...(ownerChanged ? { accountOwnerId: accountOwnerId || null } : {}),
          autoPublishClientFeedback: autoPublish,
        }),
      {
        done: (client) => {
          this.savedMessage.set('Settings saved.');
          this.saved.emit(client);
        },
      },
    );
  }
}
