import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { CLIENT_SEARCH_MAX_LENGTH, ClientPage, ClientView } from '@heardback/contracts';
import { Subject, catchError, debounceTime, map, of, switchMap } from 'rxjs';
import { FORM_FIELD } from '../core/form-field';
import { StaffApi } from './staff-api';

/** How many clients the picker offers at once: more is a sign to keep typing. */
export const CLIENT_PICKER_OPTIONS = 10;
/** How long typing pauses before the clients are searched. */
export const CLIENT_PICKER_PAUSE_MS = 200;

let pickersMade = 0;

type Results = { state: 'idle' | 'loading' | 'error' } | { state: 'ready'; page: ClientPage };

/** What the list says about itself, also read out as it changes. */
export function pickerMessage(results: Results, typed: string): string {
  switch (results.state) {
    case 'idle':
      return '';
    case 'loading':
      return 'Looking for clients…';
    case 'error':
      return 'The clients could not be loaded. Type again to retry.';
  }
  const { items, total } = results.page;
  if (total === 0) return typed ? `No client’s name contains “${typed}”.` : 'There are no clients yet.';
  const count = total.toLocaleString('en-GB');
  if (items.length < total) {
    return `${count} clients match; the first ${items.length} are shown. Keep typing to narrow them down.`;
  }
  return total === 1 ? '1 client matches.' : `${count} clients match.`;
}

/**
 * The job's client, found by typing part of its name: an editable combobox (ARIA 1.2, list
 * autocomplete) over the paged client list, so it works with any number of clients. Arrow keys
 * move through the options, Enter or a click picks one, Escape closes the list. The form control
 * holds the picked client's id; typing clears it until a client is picked (or the text is exactly
 * one offered client's name when focus leaves). Used inside an `hb-field`, whose label it takes.
 */
@Component({
  selector: 'hb-client-picker',
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
        [maxLength]="maxLength"
        placeholder="Type part of the client’s name"
        [value]="text()"
        (input)="type($event)"
        (keydown)="key($event)"
        (click)="show()"
        (blur)="leave()"
      />
      <div class="picker__popup" [hidden]="!open()">
        <ul class="picker__list" role="listbox" [id]="listId" aria-label="Clients">
          @for (client of options(); track client.id; let index = $index) {
            <li
              class="picker__option"
              role="option"
              [id]="listId + '-' + index"
              [class.picker__option--active]="index === active()"
              [attr.aria-selected]="index === active()"
              tabindex="-1"
              (mousedown)="$event.preventDefault()"
              (click)="pick(client)"
              (keydown.enter)="pick(client)"
            >
              {{ client.name }}
            </li>
          }
        </ul>
        <p class="picker__message" aria-hidden="true">{{ message() }}</p>
      </div>
      <!-- Read out as the matches change; a live region inside the hidden popup would not be. -->
      <p class="visually-hidden" role="status" aria-live="polite">{{ message() }}</p>
    </div>
  `,
  styles: `
    .picker {
      position: relative;
    }

    .picker__popup {
      position: absolute;
      z-index: 10;
      top: calc(100% + 0.25rem);
      left: 0;
      right: 0;
      background: var(--hb-surface);
      border: 1px solid var(--hb-border);
      border-radius: var(--hb-radius);
      box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 12%);
      max-height: 20rem;
      overflow-y: auto;
    }

    .picker__list {
      list-style: none;
      margin: 0;
      padding: 0.25rem 0;
    }

    .picker__option {
      padding: 0.6rem 0.75rem;
      cursor: pointer;
      overflow-wrap: anywhere;
    }

    .picker__option:hover,
    .picker__option--active {
      background: var(--hb-chip);
    }

    .picker__option--active {
      outline: 2px solid var(--hb-focus);
      outline-offset: -2px;
    }

    .picker__message {
      margin: 0;
      padding: 0.5rem 0.75rem;
      font-size: 0.875rem;
      color: var(--hb-text-muted);
      border-top: 1px solid var(--hb-border);
    }

    .picker__message:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientPicker implements OnInit {
  private readonly api = inject(StaffApi);
  private readonly destroyRef = inject(DestroyRef);

  /** Holds the picked client's id ('' while none is). */
  readonly control = input.required<FormControl<string>>();
  /** The name of the client the control holds when the page sets it (a job being edited). */
  readonly chosenName = input('');

  protected readonly listId = `client-picker-${++pickersMade}`;
  protected readonly maxLength = CLIENT_SEARCH_MAX_LENGTH;
  protected readonly text = signal('');
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  /** As the form control is: a closed job's form is disabled. */
  protected readonly disabled = signal(false);
  private readonly results = signal<Results>({ state: 'idle' });
  private readonly searches = new Subject<string>();
  /** The client picked, to tell a changed text from the picked name. */
  private picked: ClientView | null = null;

  protected readonly options = computed(() => {
    const results = this.results();
    return results.state === 'ready' ? results.page.items : [];
  });
  protected readonly activeId = computed(() => (this.active() >= 0 ? `${this.listId}-${this.active()}` : null));
  protected readonly message = computed(() => (this.open() ? pickerMessage(this.results(), this.text().trim()) : ''));

  constructor() {
    // The name the page gives is shown once its client is the one held.
    effect(() => {
      const name = this.chosenName();
      const id = this.control().value;
      untracked(() => {
        if (name && id && this.picked?.id !== id) {
          this.picked = { id, name };
          this.text.set(name);
        }
      });
    });
  }

  ngOnInit(): void {
    const control = this.control();
    this.disabled.set(control.disabled);
    control.statusChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.disabled.set(control.disabled));
    this.searches
      .pipe(
        debounceTime(CLIENT_PICKER_PAUSE_MS),
        switchMap((q) =>
          this.api.clients({ q, limit: CLIENT_PICKER_OPTIONS }).pipe(
            map((page): Results => ({ state: 'ready', page })),
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
      this.control().setValue('');
      this.control().markAsDirty();
    }
    this.search();
  }

  /** Opens the list (searching for what is typed, or the first clients by name). */
  protected show(): void {
    if (!this.open()) this.search();
  }

  protected key(event: KeyboardEvent): void {
    const count = this.options().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open()) {
          this.search();
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

  protected pick(client: ClientView): void {
    this.picked = client;
    this.text.set(client.name);
    this.control().setValue(client.id);
    this.control().markAsDirty();
    this.close();
  }

  /** Leaving with a name typed in full picks that client; the control is touched either way. */
  protected leave(): void {
    const typed = this.text().trim().toLowerCase();
    const exact = typed && !this.picked ? this.options().find((client) => client.name.toLowerCase() === typed) : null;
    if (exact) this.pick(exact);
    this.close();
    this.control().markAsTouched();
  }

  private search(): void {
    this.open.set(true);
    this.results.set({ state: 'loading' });
    this.searches.next(this.text().trim());
  }

  private close(): void {
    this.open.set(false);
    this.active.set(-1);
  }
}
