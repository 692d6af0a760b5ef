import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ValidatorFn } from '@angular/forms';
import { Observable, Subject, catchError, debounceTime, map, of, switchMap } from 'rxjs';
import { FORM_FIELD } from './form-field';

/** How many matches a picker offers at once: more is a sign to keep typing. */
export const PICKER_OPTIONS = 10;
/** How long typing pauses before a picker searches. */
export const PICKER_PAUSE_MS = 200;

/** One thing a picker offers: its name (what the box then holds) and a line that tells like names apart. */
export interface PickerOption {
  id: string;
  name: string;
  detail?: string;
}

/** The first matches for what is typed, and how many match in all. */
export interface PickerMatches {
  items: PickerOption[];
  total: number;
}

/** Searches for what is typed (blank: the first by name), at most `limit` of them. */
export type PickerSearch = (typed: string, limit: number) => Observable<PickerMatches>;

/** What a picker calls the things it offers. */
export interface PickerWords {
  /** "client", "person": in "1 client matches." */
  one: string;
  /** "clients", "people" */
  many: string;
  placeholder: string;
  /** The list's accessible name: "Clients". */
  listLabel: string;
  /** Said when there are none at all. */
  noneYet: string;
  /** Said when none match what is typed. */
  noMatch: (typed: string) => string;
}

let pickersMade = 0;

type Results = { state: 'idle' | 'loading' | 'error' } | { state: 'ready'; matches: PickerMatches };

/** What the list says about itself, also read out as it changes. */
export function pickerMessage(results: Results, typed: string, words: PickerWords): string {
  switch (results.state) {
    case 'idle':
      return '';
    case 'loading':
      return `Looking for ${words.many}…`;
    case 'error':
      return `The ${words.many} could not be loaded. Type again to retry.`;
  }
  const { items, total } = results.matches;
  if (total === 0) return typed ? words.noMatch(typed) : words.noneYet;
  const count = total.toLocaleString('en-GB');
  if (items.length < total) {
    return `${count} ${words.many} match; the first ${items.length} are shown. Keep typing to narrow them down.`;
  }
  return total === 1 ? `1 ${words.one} matches.` : `${count} ${words.many} match.`;
}

/**
 * One thing among many, found by typing part of its name: an editable combobox (ARIA 1.2, list
 * autocomplete) over a paged, searchable list, so it works however long the list grows. Arrow keys
 * move through the options, Enter or a click picks one, Escape closes the list. The form control
 * holds the picked id; typing clears it until one is picked (or the text is exactly one offered
 * name when focus leaves). Text typed but not picked makes the control invalid (`unpicked`), so a
 * form is never sent as if the box were empty while it shows a name. Used inside an `hb-field`,
 * whose label it takes.
 */
@Component({
  selector: 'hb-search-picker',
  imports: [FORM_FIELD],
  template: `
    <div class="picker">
      <input
        hbControl
        class="input"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="listId"
        [attr.aria-activedescendant]="activeId()"
        [disabled]="disabled()"
        [maxLength]="maxLength()"
        [placeholder]="words().placeholder"
        [value]="text()"
        (input)="type($event)"
        (keydown)="key($event)"
        (click)="show()"
        (blur)="leave()"
      />
      <div class="picker__popup" [hidden]="!open()">
        <ul class="picker__list" role="listbox" [id]="listId" [attr.aria-label]="words().listLabel">
          @for (option of options(); track option.id; let index = $index) {
            <li
              class="picker__option"
              role="option"
              [id]="listId + '-' + index"
              [class.picker__option--active]="index === active()"
              [attr.aria-selected]="index === active()"
              tabindex="-1"
              (mousedown)="$event.preventDefault()"
              (click)="pick(option)"
              (keydown.enter)="pick(option)"
            >
              {{ option.name }}
              @if (option.detail) {
                <span class="picker__detail">{{ option.detail }}</span>
              }
            </li>
          }
        </ul>
        <p class="picker__message" aria-hidden="true">{{ message() }}</p>
      </div>
      <!-- Read out as the matches change; a live region inside the hidden popup would not be. -->
      <p class="visually-hidden" role="status" aria-live="polite">{{ message() }}</p>
    </div>
  `,
  styleUrl: './search-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPicker implements OnInit {
  private readonly destroyRef = inject(DestroyRef);

  /** Holds the picked id ('' while none is). */
  readonly control = input.required<FormControl<string>>();
  /** The name of what the control holds when the page sets it (a job being edited, a link followed). */
  readonly chosenName = input('');
  readonly search = input.required<PickerSearch>();
  readonly words = input.required<PickerWords>();
  readonly maxLength = input.required<number>();
  /** What the person picked, or null once their typing un-picks it (not when the page sets the control). */
  readonly chose = output<PickerOption | null>();

  protected readonly listId = `picker-${++pickersMade}`;
  protected readonly text = signal('');
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  /** As the form control is: a closed job's form is disabled. */
  protected readonly disabled = signal(false);
  private readonly results = signal<Results>({ state: 'idle' });
  private readonly searches = new Subject<string>();
  /** What was picked, to tell a changed text from the picked name. */
  private picked: PickerOption | null = null;
  private pickedByPage = false;
  /** Set while the picker itself sets or checks the control, so it does not take that for the page's doing. */
  private ownChange = false;
  /**
   * Read untracked: a page may set its form inside an effect (the audit trail does, from the URL),
   * and the check must not make that effect re-run, and reset the form, whenever anything is typed.
   */
  private readonly unpicked: ValidatorFn = () =>
    untracked(() => this.text().trim()) && !this.picked ? { unpicked: true } : null;

  protected readonly options = computed(() => {
    const results = this.results();
    return results.state === 'ready' ? results.matches.items : [];
  });
  protected readonly activeId = computed(() => (this.active() >= 0 ? `${this.listId}-${this.active()}` : null));
  protected readonly message = computed(() =>
    this.open() ? pickerMessage(this.results(), this.text().trim(), this.words()) : '',
  );

  constructor() {
    // The name the page gives is shown once what it names is the one held; a reset form empties the box.
    effect(() => {
      const control = this.control();
      this.chosenName();
      untracked(() => this.follow(control.value, false));
    });
  }

  /**
   * Shows what the control holds as the page names it. A name the page gave may be replaced by a
   * better one it gives later (a link's person, named once loaded); what the person picked is kept.
   * The page emptying the control (a reset, cleared filters) empties the box, typed text included;
   * a new name alone (`emptied` false) never touches what is being typed.
   */
  private follow(id: string, emptied: boolean): void {
    if (this.ownChange) return;
    const name = this.chosenName();
    const picked = this.picked;
    if (!id) {
      if (!emptied || (!picked && !this.text())) return;
      this.picked = null;
      this.text.set('');
    } else {
      if (!name || (picked?.id === id && (!this.pickedByPage || picked.name === name))) return;
      this.picked = { id, name };
      this.pickedByPage = true;
      this.text.set(name);
    }
    this.revalidate();
  }

  private setOwnValue(id: string): void {
    this.ownChange = true;
    try {
      this.control().setValue(id);
    } finally {
      this.ownChange = false;
    }
  }

  /** The control's validity follows the text: typed and not picked is `unpicked`. */
  private revalidate(): void {
    this.ownChange = true;
    try {
      this.control().updateValueAndValidity();
    } finally {
      this.ownChange = false;
    }
  }

  ngOnInit(): void {
    const control = this.control();
    this.disabled.set(control.disabled);
    control.statusChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.disabled.set(control.disabled));
    // The page sets the control too (a form reset after saving, a record loaded): the box shows
    // the name the page gives for what it holds, or nothing once it holds nothing.
    control.addValidators(this.unpicked);
    this.destroyRef.onDestroy(() => control.removeValidators(this.unpicked));
    control.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) => this.follow(id, !id));
    this.searches
      .pipe(
        debounceTime(PICKER_PAUSE_MS),
        switchMap((typed) =>
          this.search()(typed, PICKER_OPTIONS).pipe(
            map((matches): Results => ({ state: 'ready', matches })),
            catchError(() => of<Results>({ state: 'error' })),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((results) => {
        this.results.set(results);
        this.active.set(-1);
      });
  }

  protected type(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.text.set(text);
    if (this.picked && text !== this.picked.name) {
      this.picked = null;
      this.chose.emit(null);
      this.setOwnValue('');
      this.control().markAsDirty();
    } else {
      this.revalidate();
    }
    this.lookUp();
  }

  /** Opens the list (searching for what is typed, or the first by name). */
  protected show(): void {
    if (!this.open()) this.lookUp();
  }

  protected key(event: KeyboardEvent): void {
    const count = this.options().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open()) {
          this.lookUp();
        } else if (count > 0) {
          this.active.set((this.active() + 1) % count);
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (this.open() && count > 0) this.active.set(this.active() <= 0 ? count - 1 : this.active() - 1);
        break;
      case 'Enter': {
        const option = this.options()[this.active()];
        // Enter on an option picks it; otherwise it submits the form as in any other field.
        if (this.open() && option) {
          event.preventDefault();
          this.pick(option);
        }
        break;
      }
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          this.close();
        }
        break;
    }
  }

  protected pick(option: PickerOption): void {
    this.picked = option;
    this.pickedByPage = false;
    this.text.set(option.name);
    this.setOwnValue(option.id);
    this.chose.emit(option);
    this.control().markAsDirty();
    this.close();
  }

  /** Leaving with a name typed in full picks it, when exactly one offered has that name; the control is touched either way. */
  protected leave(): void {
    const typed = this.text().trim().toLowerCase();
    const exact = typed && !this.picked ? this.options().filter((option) => option.name.toLowerCase() === typed) : [];
    if (exact.length === 1) this.pick(exact[0]);
    this.close();
    this.control().markAsTouched();
  }

  private lookUp(): void {
    this.open.set(true);
    this.results.set({ state: 'loading' });
    this.searches.next(this.text().trim());
  }

  private close(): void {
    this.open.set(false);
    this.active.set(-1);
  }
}
