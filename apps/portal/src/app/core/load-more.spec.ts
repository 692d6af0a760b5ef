import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { Subject } from 'rxjs';
import { CursorPage, LIST_STARTED_AGAIN, LoadMore, loadMore } from './load-more';
import { PageData, LOADING } from './loadable';
import { anApiErrorResponse } from '../testing/factories';

type Page = CursorPage<string>;

/** A list page as the portal's lists are: rows with their place in `[data-index]`, and `hb-load-more` under them. */
@Component({
  selector: 'hb-list-host',
  imports: [LoadMore],
  template: `
    <ul>
      @for (item of list.value()?.items ?? []; track $index) {
        <li tabindex="-1" [attr.data-index]="$index">{{ item }}</li>
      }
    </ul>
    <hb-load-more [more]="more" what="jobs" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ListHost {
  readonly value = signal<Page | null>(null);
  /** How often the list was asked for again from its first page. */
  reloads = 0;
  readonly list: PageData<Page | null> = {
    state: signal(LOADING),
    value: this.value.asReadonly(),
    loading: signal(false),
    reload: () => this.reloads++,
    set: (page) => this.value.set(page),
    update: (change) => this.value.update(change),
  };
  /** The cursors asked for, and the answer each waits for. */
  readonly asked: { cursor: string; answer: Subject<Page> }[] = [];
  readonly more = loadMore(this.list, (cursor) => {
    const answer = new Subject<Page>();
    this.asked.push({ cursor, answer });
    return answer;
  });
}

describe('hb-load-more', () => {
  let fixture: ComponentFixture<ListHost>;
  let host: ListHost;

  beforeEach(async () => {
    fixture = TestBed.createComponent(ListHost);
    host = fixture.componentInstance;
    await fixture.whenStable();
  });

  const view = () => fixture.nativeElement as HTMLElement;
  const button = () => view().querySelector<HTMLButtonElement>('hb-load-more button');
  const count = () => view().querySelector('.load-more__count');
  const rows = () => Array.from(view().querySelectorAll('li')).map((row) => row.textContent?.trim());

  async function show(page: Page) {
    host.value.set(page);
    await fixture.whenStable();
  }

  /** The API's 400 naming one query field. */
  const refused = (field: string) =>
    anApiErrorResponse(400, ErrorCode.ValidationFailed, 'Some fields are not valid.', [
      { field, reasons: ['is not a cursor this API gave out; start again without it'] },
    ]);
  const text = (selector: string) => view().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  async function fail(index: number, failure: HttpErrorResponse) {
    host.asked[index].answer.error(failure);
    await fixture.whenStable();
  }

  async function answer(index: number, page: Page) {
    host.asked[index].answer.next(page);
    host.asked[index].answer.complete();
    await fixture.whenStable();
  }

  it('shows nothing while the list has not loaded, nor when the API says there is no next page', async () => {
    expect(view().querySelector('hb-load-more')?.children.length).toBe(0);

    await show({ items: ['a', 'b'], nextCursor: null, total: 2 });
    expect(button()).toBeNull();
    expect(count()).toBeNull();
    // Even a total larger than what is shown does not bring the button back without a cursor.
    await show({ items: ['a', 'b'], nextCursor: null, total: 9 });
    expect(button()).toBeNull();
    expect(host.more.hasMore()).toBe(false);
  });

  it('says how many of the total are shown, in words, and the button is described by it', async () => {
    await show({ items: ['a', 'b'], nextCursor: 'c2', total: 1234 });

    expect(count()?.textContent?.trim()).toBe('2 of 1,234 jobs shown');
    expect(button()?.textContent?.trim()).toBe('Load more jobs');
    expect(button()?.getAttribute('aria-describedby')).toBe(count()?.id);
    expect(count()?.id).toMatch(/^hb-load-more-count-\d+$/);
  });

  it('says no count, and describes the button by nothing, when the API gives no total', async () => {
    await show({ items: ['a'], nextCursor: 'c2' });

    expect(count()).toBeNull();
    expect(button()?.hasAttribute('aria-describedby')).toBe(false);
  });

  it('is disabled in words while a page is on its way, and asks only once however often it is pressed', async () => {
    await show({ items: ['a', 'b'], nextCursor: 'c2', total: 4 });

    button()?.click();
    await fixture.whenStable();
    expect(button()?.getAttribute('aria-disabled')).toBe('true');
    expect(button()?.textContent?.trim()).toBe('Loading more… jobs');
    button()?.click();
    button()?.click();
    expect(host.asked.map((asked) => asked.cursor)).toEqual(['c2']);
  });

  it('adds the next page below, moves focus to its first row, and goes with the last page', async () => {
    await show({ items: ['a', 'b'], nextCursor: 'c2', total: 4 });
    button()?.focus();

    button()?.click();
    await answer(0, { items: ['c', 'd'], nextCursor: null, total: 4 });

    expect(rows()).toEqual(['a', 'b', 'c', 'd']);
    expect(document.activeElement?.textContent?.trim()).toBe('c');
    expect(document.activeElement?.getAttribute('data-index')).toBe('2');
    expect(button()).toBeNull();
    expect(count()).toBeNull();
  });

  it('keeps going while pages remain, counting what is shown', async () => {
    await show({ items: ['a'], nextCursor: 'c1', total: 3 });

    button()?.click();
    await answer(0, { items: ['b'], nextCursor: 'c2', total: 3 });

    expect(count()?.textContent?.trim()).toBe('2 of 3 jobs shown');
    expect(button()?.getAttribute('aria-disabled')).toBe('false');
    button()?.click();
    expect(host.asked.map((asked) => asked.cursor)).toEqual(['c1', 'c2']);
  });

  it('says a failure in words beside the button, which then tries again', async () => {
    await show({ items: ['a'], nextCursor: 'c1', total: 3 });

    button()?.click();
    host.asked[0].answer.error(new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' }));
    await fixture.whenStable();

    const alert = view().querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(alert).toMatch(/^More jobs could not be loaded\. .+ Select “Load more” to try again\.$/);
    expect(button()?.getAttribute('aria-disabled')).toBe('false');
    expect(rows()).toEqual(['a']);

    button()?.click();
    await answer(1, { items: ['b', 'c'], nextCursor: null, total: 3 });
    expect(host.asked.map((asked) => asked.cursor)).toEqual(['c1', 'c1']);
    expect(view().querySelector('[role="alert"]')).toBeNull();
    expect(rows()).toEqual(['a', 'b', 'c']);
  });

  it('drops a page that arrives after the list was replaced (a new search meanwhile)', async () => {
    await show({ items: ['a'], nextCursor: 'c1', total: 3 });
    button()?.click();

    await show({ items: ['x'], nextCursor: 'x1', total: 2 });
    host.more.reset();
    await answer(0, { items: ['b'], nextCursor: null, total: 3 });

    expect(rows()).toEqual(['x']);
    expect(count()?.textContent?.trim()).toBe('1 of 2 jobs shown');
  });

  it('adds a page that arrives after a row changed in place, and is ready again either way', async () => {
    await show({ items: ['a'], nextCursor: 'c1', total: 3 });
    button()?.click();
    // The same list, one row replaced by the API's copy (an account disabled on its row).
    await show({ items: ['A'], nextCursor: 'c1', total: 3 });
    await answer(0, { items: ['b'], nextCursor: 'c2', total: 3 });
    expect(rows()).toEqual(['A', 'b']);

    button()?.click();
    await show({ items: ['x'], nextCursor: 'x1', total: 2 });
    await answer(1, { items: ['c'], nextCursor: null, total: 3 });
    expect(rows()).toEqual(['x']);
    // Not stuck at "Loading more…": the button asks for the new list's next page.
    expect(button()?.getAttribute('aria-disabled')).not.toBe('true');
    expect(button()?.textContent).not.toContain('Loading');
  });

  it('starts the list again from its first page when the API no longer reads its cursor, and says so', async () => {
    await show({ items: ['a', 'b'], nextCursor: 'old-form', total: 4 });

    button()?.click();
    await fail(0, refused('cursor'));

    expect(host.reloads).toBe(1);
    expect(view().querySelector('[role="alert"]')).toBeNull();
    expect(text('hb-load-more [role="status"]')).toBe(LIST_STARTED_AGAIN);
    expect(LIST_STARTED_AGAIN).toBe('The list changed since it was loaded, so it starts again from the top.');
    // The page loads its first page again and resets "Load more" with it: the words stay, even with no page left.
    await show({ items: ['z'], nextCursor: null, total: 1 });
    host.more.reset();
    await fixture.whenStable();
    expect(rows()).toEqual(['z']);
    expect(button()).toBeNull();
    expect(text('hb-load-more [role="status"]')).toBe(LIST_STARTED_AGAIN);
    // The button that was selected went: focus carries on from the new list's first row.
    expect(document.activeElement?.getAttribute('data-index')).toBe('0');
    expect(document.activeElement?.textContent?.trim()).toBe('z');
    // A new list (another search) clears them.
    await show({ items: ['x'], nextCursor: 'x1', total: 2 });
    host.more.reset();
    await fixture.whenStable();
    expect(view().querySelector('hb-load-more [role="status"]')).toBeNull();
  });

  /** One row shown with a cursor of an older release; "Load more" is refused; the page reads its first page again. */
  async function startedAgainWithCursor(cursor: string) {
    await show({ items: ['a'], nextCursor: 'old-form', total: 3 });
    button()?.click();
    await fail(0, refused('cursor'));
    await show({ items: ['a'], nextCursor: cursor, total: 3 });
    host.more.reset();
    await fixture.whenStable();
  }

  it('clears the words that the list started again at the next page it adds', async () => {
    await startedAgainWithCursor('c1');

    button()?.click();
    await answer(1, { items: ['b'], nextCursor: 'c2', total: 3 });

    expect(host.asked.map((asked) => asked.cursor)).toEqual(['old-form', 'c1']);
    expect(rows()).toEqual(['a', 'b']);
    expect(view().querySelector('hb-load-more [role="status"]')).toBeNull();
  });

  it('says the reason when the list it started again refuses its own cursor too, instead of starting again and again', async () => {
    await startedAgainWithCursor('c1');

    button()?.click();
    await fail(1, refused('cursor'));

    expect(host.reloads).toBe(1);
    expect(text('[role="alert"]')).toMatch(/^More jobs could not be loaded\. /);
    expect(view().querySelector('hb-load-more [role="status"]')).toBeNull();
    expect(rows()).toEqual(['a']);
  });

  it('ignores a refused cursor of a list that was replaced meanwhile (a new search has cursors of its own)', async () => {
    await show({ items: ['a'], nextCursor: 'old-form', total: 3 });
    button()?.click();
    await show({ items: ['x'], nextCursor: 'x1', total: 2 });

    await fail(0, refused('cursor'));

    expect(host.reloads).toBe(0);
    expect(view().querySelector('hb-load-more [role="status"]')).toBeNull();
    expect(view().querySelector('[role="alert"]')).toBeNull();
    expect(rows()).toEqual(['x']);
    expect(button()?.getAttribute('aria-disabled')).not.toBe('true');
  });

  it('says a failure in words after a row changed in place meanwhile: the list is the same list', async () => {
    await show({ items: ['a'], nextCursor: 'c1', total: 3 });
    button()?.click();
    await show({ items: ['a, edited'], nextCursor: 'c1', total: 3 });

    await fail(0, new HttpErrorResponse({ status: 500, statusText: 'Server Error' }));

    expect(text('[role="alert"]')).toMatch(/^More jobs could not be loaded\. /);
    expect(rows()).toEqual(['a, edited']);
  });

  it('keeps any other failure beside the button and the rows shown: a 400 naming another field, a 500', async () => {
    await show({ items: ['a'], nextCursor: 'c1', total: 3 });

    button()?.click();
    await fail(0, refused('limit'));
    expect(text('[role="alert"]')).toMatch(/^More jobs could not be loaded\. /);

    button()?.click();
    await fail(1, new HttpErrorResponse({ status: 500, statusText: 'Server Error' }));
    expect(text('[role="alert"]')).toMatch(/^More jobs could not be loaded\. Our server had a problem \(error 500\)/);

    expect(host.reloads).toBe(0);
    expect(rows()).toEqual(['a']);
    expect(view().querySelector('hb-load-more [role="status"]')).toBeNull();
  });
});
