import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { CLIENT_NAME_MAX_LENGTH, ClientView } from '@heardback/contracts';
import { StaffApi } from './staff-api';
import { agencyErrorMessage, apiError, sentence } from '../core/api-error';
import { Loadable, loadable } from '../core/loadable';
import { notBlank } from '../core/text-validators';

/** The hiring companies the agency recruits for: the list, and a form to add one. */
@Component({
  selector: 'hb-staff-clients',
  imports: [ReactiveFormsModule],
  templateUrl: './staff-clients.html',
  styleUrl: './staff-clients.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffClients {
  private readonly api = inject(StaffApi);

  protected readonly clients = signal<Loadable<ClientView[]>>({ state: 'loading' });
  protected readonly name = new FormControl('', {
    nonNullable: true,
    validators: [notBlank, Validators.maxLength(CLIENT_NAME_MAX_LENGTH)],
  });
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly nameError = signal('');
  protected readonly added = signal('');

  private readonly nameBox = viewChild<ElementRef<HTMLInputElement>>('nameBox');

  protected readonly list = computed(() => {
    const clients = this.clients();
    return clients.state === 'ready' ? [...clients.value].sort((a, b) => a.name.localeCompare(b.name)) : [];
  });
  protected readonly errorMessage = computed(() => {
    const clients = this.clients();
    return clients.state === 'error' ? clients.message : '';
  });
  protected readonly statusMessage = computed(() => {
    switch (this.clients().state) {
      case 'loading':
        return 'Loading clients…';
      case 'error':
        return '';
      default: {
        const count = this.list().length;
        return count === 0 ? 'No clients yet' : `${count} ${count === 1 ? 'client' : 'clients'}`;
      }
    }
  });

  constructor() {
    this.reload();
  }

  protected reload(): void {
    loadable(this.api.clients()).subscribe((clients) => this.clients.set(clients));
  }

  /** The problem to show under the name box, if any. */
  protected problem(): string {
    if (this.nameError()) {
      return this.nameError();
    }
    if (!this.name.invalid || !(this.name.touched || this.submitted())) {
      return '';
    }
    return this.name.hasError('maxlength')
      ? `Keep the name to ${CLIENT_NAME_MAX_LENGTH} characters or fewer.`
      : 'Type the client’s name.';
  }

  protected clearServerError(): void {
    this.nameError.set('');
  }

  protected create(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    this.added.set('');
    this.nameError.set('');
    if (this.saving()) {
      return;
    }
    if (this.name.invalid) {
      this.nameBox()?.nativeElement.focus();
      return;
    }
    this.saving.set(true);
    this.api.createClient({ name: this.name.value.trim() }).subscribe({
      next: (client) => {
        this.saving.set(false);
        this.submitted.set(false);
        this.name.reset('');
        this.clients.update((clients) =>
          clients.state === 'ready' ? { state: 'ready', value: [...clients.value, client] } : clients,
        );
        this.added.set(`“${client.name}” added. You can now create jobs for this client.`);
        this.nameBox()?.nativeElement.focus();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const nameDetail = apiError(error)?.details?.find((d) => d.field === 'name');
        this.nameError.set(nameDetail ? sentence(nameDetail.reasons) : agencyErrorMessage(error));
        this.nameBox()?.nativeElement.focus();
      },
    });
  }
}
