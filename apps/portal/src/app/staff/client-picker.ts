import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl } from '@angular/forms';
import { CLIENT_SEARCH_MAX_LENGTH } from '@heardback/contracts';
import { map } from 'rxjs';
import { PickerSearch, PickerWords, SearchPicker } from '../core/search-picker';
import { StaffApi } from './staff-api';

const CLIENT_WORDS: PickerWords = {
  one: 'client',
  many: 'clients',
  placeholder: 'Type part of the client’s name',
  listLabel: 'Clients',
  noneYet: 'There are no clients yet.',
  noMatch: (typed) => `No client’s name contains “${typed}”.`,
};

/** The job's client, found by typing part of its name over the paged client list. Used inside an `hb-field`. */
@Component({
  selector: 'hb-client-picker',
  imports: [SearchPicker],
  template: `<hb-search-picker
    [control]="control()"
    [chosenName]="chosenName()"
    [search]="search"
    [words]="words"
    [maxLength]="maxLength"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientPicker {
  private readonly api = inject(StaffApi);

  /** Holds the picked client's id ('' while none is). */
  readonly control = input.required<FormControl<string>>();
  /** The name of the client the control holds when the page sets it (a job being edited). */
  readonly chosenName = input('');

  protected readonly words = CLIENT_WORDS;
  protected readonly maxLength = CLIENT_SEARCH_MAX_LENGTH;
  protected readonly search: PickerSearch = (q, limit) =>
    this.api.clients({ q, limit }).pipe(map(({ items, total }) => ({ items, total })));
}
