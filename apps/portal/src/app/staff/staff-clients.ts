import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CLIENT_NAME_MAX_LENGTH } from '@heardback/contracts';
import { StaffApi } from './staff-api';
import { agencyErrorMessage, apiError, sentence } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { countOf, pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { notBlank } from '../core/text-validators';
import { FORM_FIELD } from '../core/form-field';

/** The hiring companies the agency recruits for: the list, and a form to add one. */
@Component({
  selector: 'hb-staff-clients',
  imports: [ReactiveFormsModule, RouterLink, LoadState, FORM_FIELD],
  templateUrl: './staff-clients.html',
  styleUrl: './staff-clients.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffClients {
  private readonly api = inject(StaffApi);

  protected readonly clients = pageData({ request: () => this.api.clients() });
  protected readonly name = new FormControl('', {
    nonNullable: true,
    validators: [notBlank, Validators.maxLength(CLIENT_NAME_MAX_LENGTH)],
  });
  protected readonly submission = formSubmission();
  protected readonly nameError = signal('');
  protected readonly added = signal('');

  private readonly nameBox = viewChild<ElementRef<HTMLInputElement>>('nameBox');

  protected readonly list = computed(() =>
    [...(this.clients.value() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly statusMessage = computed(() =>
    statusLine(this.clients.state(), 'Loading clients…', () => countOf(this.list().length, 'client', 'No clients yet')),
  );

  /** The problem to show under the name box, if any. */
  protected problem(): string {
    return (
      this.nameError() ||
      this.submission.problem(this.name, {
        maxlength: `Keep the name to ${CLIENT_NAME_MAX_LENGTH} characters or fewer.`,
        otherwise: 'Type the client’s name.',
      })
    );
  }

  protected clearServerError(): void {
    this.nameError.set('');
  }

  protected create(event: Event): void {
    event.preventDefault();
    this.submission.submitted.set(true);
    this.added.set('');
    this.nameError.set('');
    if (this.submission.busy()) {
      return;
    }
    if (this.name.invalid) {
      this.nameBox()?.nativeElement.focus();
      return;
    }
    this.submission.send(() => this.api.createClient({ name: this.name.value.trim() }), {
      done: (client) => {
        this.submission.submitted.set(false);
        this.name.reset('');
        this.clients.update((clients) => [...clients, client]);
        this.added.set(`“${client.name}” added. You can now create jobs for this client.`);
        this.nameBox()?.nativeElement.focus();
      },
      failed: (error) => {
        const nameDetail = apiError(error)?.details?.find((d) => d.field === 'name');
        this.nameError.set(nameDetail ? sentence(nameDetail.reasons) : agencyErrorMessage(error));
        this.nameBox()?.nativeElement.focus();
        return null;
      },
    });
  }
}
