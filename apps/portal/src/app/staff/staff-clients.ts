import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CLIENT_NAME_MAX_LENGTH, CLIENT_SEARCH_MAX_LENGTH, ClientView } from '@heardback/contracts';
import { StaffApi } from './staff-api';
import { agencyErrorMessage, apiError, sentence } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { pageData, statusLine } from '../core/loadable';
import { shownOfTotal } from '../core/shown-of-total';
import { LoadMore, loadMore } from '../core/load-more';
import { LoadState } from '../core/load-state';
import { notBlank } from '../core/text-validators';
import { FORM_FIELD } from '../core/form-field';
import { SearchBox, typedSearch } from '../core/typed-search';

/**
 * The hiring companies the agency recruits for: the list by name, a page at a time ("Load more"),
 * searchable by name, and a form to add one.
 */
@Component({
  selector: 'hb-staff-clients',
  imports: [ReactiveFormsModule, RouterLink, LoadState, LoadMore, FORM_FIELD, SearchBox],
  templateUrl: './staff-clients.html',
  styleUrl: './staff-clients.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffClients {
  private readonly api = inject(StaffApi);

  /** What the search box holds, and the search asked for once typing pauses. */
  protected readonly searchBox = typedSearch();
  private readonly search = this.searchBox.search;

  protected readonly clients = pageData({
    key: () => this.search(),
    request: (q: string) => this.api.clients({ q }),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.clients, (cursor) => this.api.clients({ q: this.search(), cursor }));
  protected readonly name = new FormControl('', {
    nonNullable: true,
    validators: [notBlank, Validators.maxLength(CLIENT_NAME_MAX_LENGTH)],
  });
  protected readonly submission = formSubmission();
  protected readonly nameError = signal('');
  protected readonly added = signal('');

  private readonly nameBox = viewChild<ElementRef<HTMLInputElement>>('nameBox');

  /** The API's order (by name), page after page: never re-sorted here, so pages add at the end. */
  protected readonly list = computed(() => this.clients.value()?.items ?? []);
  protected readonly searching = computed(() => this.search() !== '');
  protected readonly statusMessage = computed(() =>
    statusLine(this.clients.state(), 'Loading clients…', () => {
      const total = this.clients.value()?.total ?? 0;
      const none = this.searching() ? `No client’s name contains “${this.search()}”` : 'No clients yet';
      const shown = shownOfTotal(this.list().length, total, 'client', none);
      return this.searching() && total > 0 ? `${shown} whose name contains “${this.search()}”` : shown;
    }),
  );
  /** The client just added, to open from the notice: the list may not show it on its first page. */
  protected readonly addedClient = signal<ClientView | null>(null);

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

  protected readonly searchMaxLength = CLIENT_SEARCH_MAX_LENGTH;

  protected clearServerError(): void {
    this.nameError.set('');
  }

  protected create(event: Event): void {
    event.preventDefault();
    this.submission.submitted.set(true);
    this.added.set('');
    this.addedClient.set(null);
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
        this.addedClient.set(client);
        this.added.set(`“${client.name}” added. You can now create jobs for this client.`);
        this.clients.reload();
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
