import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { Subject } from 'rxjs';
import { FORM_FIELD } from './form-field';
import {
  PICKER_OPTIONS,
  PICKER_PAUSE_MS,
  PickerMatches,
  PickerWords,
  SearchPicker,
  pickerMessage,
} from './search-picker';

const WORDS: PickerWords = {
  one: 'person',
  many: 'people',
  placeholder: 'Type a name',
  listLabel: 'People',
  noneYet: 'There is nobody to choose.',
  noMatch: (typed) => `Nobody’s name contains “${typed}”.`,
};

const ADA = { id: 'ada', name: 'Ada Lovelace', detail: 'ada@agency.test' };
const ALAN = { id: 'alan', name: 'Alan Turing' };
const GRACE = { id: 'grace', name: 'Grace Hopper' };

/** A page's field holding a picker, as the staff pages use it. */
@Component({
  selector: 'hb-picker-host',
  imports: [SearchPicker, FORM_FIELD],
  template: `
    <hb-field label="Who" fieldId="who">
      <hb-search-picker
        [control]="control"
        [chosenName]="chosenName()"
        [search]="search"
        [words]="words"
        [maxLength]="60"
        (chose)="chose.push($event?.id ?? null)"
      />
    </hb-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PickerHost {
  readonly control = new FormControl('', { nonNullable: true });
  readonly chosenName = signal('');
  readonly words = WORDS;
  readonly chose: (string | null)[] = [];
  /** What each search asked for, and the answer it waits for. */
  readonly asked: { typed: string; limit: number; answer: Subject<PickerMatches> }[] = [];
  readonly search = (typed: string, limit: number) => {
    const answer = new Subject<PickerMatches>();
    this.asked.push({ typed, limit, answer });
    return answer;
  };
}

describe('pickerMessage', () => {
  const ready = (items: PickerMatches['items'], total: number) => ({
    state: 'ready' as const,
    matches: { items, total },
  });

  it('says how many match, and to keep typing when more match than are shown', () => {
    expect(pickerMessage({ state: 'loading' }, 'a', WORDS)).toBe('Looking for people…');
    expect(pickerMessage({ state: 'error' }, 'a', WORDS)).toBe('The people could not be loaded. Type again to retry.');
    expect(pickerMessage(ready([ADA], 1), 'ada', WORDS)).toBe('1 person matches.');
    expect(pickerMessage(ready([ADA, ALAN], 2), 'a', WORDS)).toBe('2 people match.');
    expect(pickerMessage(ready([ADA, ALAN], 1234), 'a', WORDS)).toBe(
      '1,234 people match; the first 2 are shown. Keep typing to narrow them down.',
    );
    expect(pickerMessage(ready([], 0), 'zz', WORDS)).toBe('Nobody’s name contains “zz”.');
    expect(pickerMessage(ready([], 0), '', WORDS)).toBe('There is nobody to choose.');
  });
});

describe('hb-search-picker', () => {
  let fixture: ComponentFixture<PickerHost>;
  let host: PickerHost;

  beforeEach(async () => {
    fixture = TestBed.createComponent(PickerHost);
    host = fixture.componentInstance;
    await fixture.whenStable();
  });

  const box = () => (fixture.nativeElement as HTMLElement).querySelector('#who') as HTMLInputElement;
  const options = () =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[role="option"]'), (option) =>
      option.textContent?.replace(/\s+/g, ' ').trim(),
    );
  const key = async (name: string) => {
    box().dispatchEvent(new KeyboardEvent('keydown', { key: name }));
    await fixture.whenStable();
  };

  /** Types as a person does, waits for the pause, and answers the search with `found`. */
  async function type(text: string, found: PickerMatches['items'] = [], total = found.length) {
    box().value = text;
    box().dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    const asked = host.asked[host.asked.length - 1];
    asked.answer.next({ items: found, total });
    asked.answer.complete();
    await fixture.whenStable();
    return asked;
  }

  it('searches what is typed, offers the matches with what tells them apart, and picks one with the keyboard', async () => {
    const asked = await type(' a ', [ADA, ALAN, GRACE], 3);
    expect([asked.typed, asked.limit]).toEqual(['a', PICKER_OPTIONS]);
    expect(options()).toEqual(['Ada Lovelace ada@agency.test', 'Alan Turing', 'Grace Hopper']);
    // Up from nothing wraps to the last; down from the last wraps to the first.
    await key('ArrowUp');
    expect(box().getAttribute('aria-activedescendant')).toMatch(/-2$/);
    await key('ArrowDown');
    expect(box().getAttribute('aria-activedescendant')).toMatch(/-0$/);
    await key('ArrowDown');
    await key('Enter');
    expect(box().value).toBe('Alan Turing');
    expect(host.control.value).toBe('alan');
    expect(host.control.valid).toBe(true);
    expect(host.chose).toEqual(['alan']);
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes the list on Escape, keeping what was typed', async () => {
    await type('gr', [GRACE]);
    expect(box().getAttribute('aria-expanded')).toBe('true');
    await key('Escape');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    expect(box().value).toBe('gr');
  });

  it('refuses text typed but not picked, so a form is never sent as if the box were empty', async () => {
    await type('Ada Lovel', [ADA]);
    expect(host.control.value).toBe('');
    expect(host.control.errors).toEqual({ unpicked: true });
    // Leaving with a name typed in full picks it, when it is the one offered by that name.
    await type('ada lovelace', [ADA]);
    box().dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect([host.control.value, box().value, host.control.valid]).toEqual(['ada', 'Ada Lovelace', true]);
    // Changing the picked name un-picks it; emptying the box is a valid "nobody".
    await type('Ada', [ADA]);
    expect([host.control.value, host.control.errors]).toEqual(['', { unpicked: true }]);
    expect(host.chose).toEqual(['ada', null]);
    await type('', [ADA]);
    expect(host.control.valid).toBe(true);
  });

  it('does not pick by name on leaving when two offered share it', async () => {
    await type('ada lovelace', [ADA, { id: 'ada-2', name: 'Ada Lovelace', detail: 'ada2@agency.test' }]);
    box().dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(host.control.value).toBe('');
    expect(host.control.errors).toEqual({ unpicked: true });
  });

  it('shows the name the page gives for what it holds, and a better one given later', async () => {
    host.chosenName.set('The person in your link');
    host.control.setValue('grace');
    await fixture.whenStable();
    expect(box().value).toBe('The person in your link');
    host.chosenName.set('Grace Hopper');
    await fixture.whenStable();
    expect(box().value).toBe('Grace Hopper');
    expect(host.control.valid).toBe(true);
  });

  it('keeps what the person picked when the page names what it held before', async () => {
    host.chosenName.set('Grace Hopper');
    host.control.setValue('grace');
    await fixture.whenStable();
    await type('Al', [ALAN]);
    await key('ArrowDown');
    await key('Enter');
    host.chosenName.set('Grace Hopper (no longer active)');
    await fixture.whenStable();
    expect([box().value, host.control.value]).toEqual(['Alan Turing', 'alan']);
  });

  it('empties the box when the page empties the control, typed text included', async () => {
    await type('Al', [ALAN]);
    await key('ArrowDown');
    await key('Enter');
    host.control.reset();
    await fixture.whenStable();
    expect(box().value).toBe('');

    await type('Gra', [GRACE]);
    host.control.setValue('');
    await fixture.whenStable();
    expect(box().value).toBe('');
    expect(host.control.valid).toBe(true);
  });

  it('never empties what is being typed when only the page’s name changes', async () => {
    await type('Gra', [GRACE]);
    host.chosenName.set('Someone else');
    await fixture.whenStable();
    expect(box().value).toBe('Gra');
    expect(host.control.errors).toEqual({ unpicked: true });
  });
});
