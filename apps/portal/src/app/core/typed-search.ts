import { ChangeDetectionStrategy, Component, Signal, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { FORM_FIELD } from './form-field';

/** How long typing pauses before a list is searched again. */
export const SEARCH_PAUSE_MS = 250;

/** A list's search box: what it holds, and the search (trimmed) asked for once typing pauses. */
export interface TypedSearch {
  /** What the box holds now, for its `[value]`. */
  readonly typed: Signal<string>;
  /** The words to search for: trimmed, and changed only after typing pauses. */
  readonly search: Signal<string>;
  /** For the box's `(input)`. */
  type(event: Event): void;
}

/** Call in a field initialiser (it needs an injection context). */
export function typedSearch(): TypedSearch {
  const typed = signal('');
  const search = toSignal(
    toObservable(typed).pipe(
      debounceTime(SEARCH_PAUSE_MS),
      map((text) => text.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  return {
    typed: typed.asReadonly(),
    search,
    type: (event) => typed.set((event.target as HTMLInputElement).value),
  };
}

/** A list's search box, the same on every list page: its label, hint and box, bound to a `typedSearch()`. */
@Component({
  selector: 'hb-search-box',
  imports: [FORM_FIELD],
  template: `
    <hb-field [label]="label()" [hint]="hint()" [fieldId]="fieldId()">
      <input
        hbControl
        class="input"
        type="search"
        autocomplete="off"
        [maxLength]="maxLength()"
        [value]="search().typed()"
        (input)="search().type($event)"
      />
    </hb-field>
  `,
  styles: `
    :host {
      display: block;
      max-width: 28rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchBox {
  readonly search = input.required<TypedSearch>();
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly fieldId = input.required<string>();
  readonly maxLength = input.required<number>();
}
