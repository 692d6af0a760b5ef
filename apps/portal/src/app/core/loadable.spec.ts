import { HttpErrorResponse } from '@angular/common/http';
import { Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, Subject, of, throwError } from 'rxjs';
import { Loadable, countOf, loadable, pageData, statusLine } from './loadable';

function collect<T>(source: Observable<Loadable<T>>): Loadable<T>[] {
  const seen: Loadable<T>[] = [];
  source.subscribe((state) => seen.push(state));
  return seen;
}

describe('loadable', () => {
  it('says loading, then hands over the value', () => {
    expect(collect(loadable(of(['a'])))).toEqual([{ state: 'loading' }, { state: 'ready', value: ['a'] }]);
  });

  it('puts a failure in words instead of erroring', () => {
    const states = collect(loadable(throwError(() => new HttpErrorResponse({ status: 503 }))));
    expect(states[1]).toEqual({
      state: 'error',
      message: expect.stringMatching(/Our server had a problem \(error 503\)/),
    });
  });

  it('tells a 404 apart only for pages that name a record', () => {
    const notFound = () => throwError(() => new HttpErrorResponse({ status: 404 }));
    expect(collect(loadable(notFound(), { notFound: true }))[1]).toEqual({ state: 'not-found' });
    expect(collect(loadable(notFound()))[1].state).toBe('error');
  });
});

describe('statusLine', () => {
  it('says loading, nothing on an error (the alert speaks), and the count once ready', () => {
    expect(statusLine({ state: 'loading' }, 'Loading jobs…', () => '2 jobs')).toBe('Loading jobs…');
    expect(statusLine({ state: 'error', message: 'No' }, 'Loading jobs…', () => '2 jobs')).toBe('');
    expect(statusLine({ state: 'ready', value: [] }, 'Loading jobs…', () => '2 jobs')).toBe('2 jobs');
  });
});

describe('countOf', () => {
  it('counts one, many and none', () => {
    expect([0, 1, 3].map((count) => countOf(count, 'client', 'No clients yet'))).toEqual([
      'No clients yet',
      '1 client',
      '3 clients',
    ]);
  });
});

describe('pageData', () => {
  const create = <T, K>(options: Parameters<typeof pageData<T, K>>[0]) =>
    runInInjectionContext(TestBed.inject(Injector), () => pageData(options));

  it('asks at once, and again on reload, but not while a request is under way', () => {
    const responses: Subject<string>[] = [];
    const data = create({
      request: () => {
        const response = new Subject<string>();
        responses.push(response);
        return response;
      },
    });

    expect(data.loading()).toBe(true);
    data.reload();
    expect(responses).toHaveLength(1);

    responses[0].next('first');
    expect(data.value()).toBe('first');
    data.reload();
    expect(responses).toHaveLength(2);
    expect(data.state()).toEqual({ state: 'loading' });
  });

  it('asks again when its key changes, and tells the page each time the data arrives', async () => {
    const id = signal('job-1');
    const loaded = jest.fn();
    const data = create({ key: id, request: (key: string) => of(`details of ${key}`), loaded });

    TestBed.tick();
    expect(data.value()).toBe('details of job-1');
    id.set('job-2');
    TestBed.tick();

    expect(data.value()).toBe('details of job-2');
    expect(loaded.mock.calls).toEqual([['details of job-1'], ['details of job-2']]);
  });

  it('shows a newer copy, and changes the data in place once it is ready', () => {
    const data = create({ request: () => of([1, 2]) });

    data.update((numbers) => [...numbers, 3]);
    expect(data.value()).toEqual([1, 2, 3]);
    data.set([9]);
    expect(data.value()).toEqual([9]);
  });
});
