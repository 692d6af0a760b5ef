import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormControl } from '@angular/forms';
import { AGENCY_USER_SEARCH_MAX_LENGTH, AgencyUserView } from '@heardback/contracts';
import { map } from 'rxjs';
import { ROLE_LABELS } from '../core/agency-labels';
import { PickerOption, PickerSearch, PickerWords, SearchPicker } from '../core/search-picker';
import { StaffApi } from './staff-api';

const PEOPLE_WORDS: PickerWords = {
  one: 'person',
  many: 'people',
  placeholder: 'Name or email',
  listLabel: 'People',
  noneYet: 'There is nobody to choose.',
  noMatch: (typed) => `Nobody’s name or email contains “${typed}”.`,
};

/** A person as the pickers offer them: the name, and the email and role that tell two of the same name apart. */
export function personOption(person: AgencyUserView): PickerOption {
  const role = ROLE_LABELS[person.role].toLowerCase();
  const disabled = person.disabledAt ? ' · disabled' : '';
  return { id: person.id, name: person.fullName, detail: `${person.email} · ${role}${disabled}` };
}

/**
 * An agency person (recruiter or staff), found by typing part of their name or email over the paged
 * list of accounts, so it works however many people the agency has. Used inside an `hb-field`.
 */
@Component({
  selector: 'hb-person-picker',
  imports: [SearchPicker],
  template: `<hb-search-picker
    [control]="control()"
    [chosenName]="chosenName()"
    [search]="search"
    [words]="words()"
    [maxLength]="maxLength"
    (chose)="chose.emit($event)"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonPicker {
  private readonly api = inject(StaffApi);

  /** Holds the picked person's id ('' while none is). */
  readonly control = input.required<FormControl<string>>();
  /** The name of the person the control holds when the page sets it. */
  readonly chosenName = input('');
  /** Only people who can sign in: whom work can be given to. */
  readonly active = input(false);
  /** Left out of the choices: who has the work now. */
  readonly exceptId = input<string | null>(null);
  /** What the empty box says: what leaving it empty means, where it means something. */
  readonly placeholder = input(PEOPLE_WORDS.placeholder);
  /** The person picked, or null once typing un-picks them. */
  readonly chose = output<PickerOption | null>();

  protected readonly words = computed(() => ({ ...PEOPLE_WORDS, placeholder: this.placeholder() }));
  protected readonly maxLength = AGENCY_USER_SEARCH_MAX_LENGTH;
  protected readonly search: PickerSearch = (q, limit) =>
    this.api
      .users({ q, limit, active: this.active() || undefined, except: this.exceptId() ?? undefined })
      .pipe(map(({ items, total }) => ({ items: items.map(personOption), total })));
}
