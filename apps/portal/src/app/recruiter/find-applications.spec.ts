import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApplicationSearchPage, ApplicationStatus, ErrorCode, FoundApplication } from '@heardback/contracts';
import { FindApplications, searchProblem } from './find-applications';
import { apiErrorBody } from '../testing/factories';
import { routeHarness } from '../testing/setup';

function found(id: string, fullName: string): FoundApplication {
  return {
    id,
    status: ApplicationStatus.Applied,
    candidate: { id: `candidate-${id}`, fullName, email: `${id}@example.test` },
    job: { id: 'job-1', title: 'Backend Engineer', clientName: 'Northwind' },
    appliedAt: '2026-12-01T10:00:00.000Z',
  };
}

describe('searchProblem', () => {
  it('asks for two letters at least and a hundred characters at most, once trimmed', () => {
    expect(searchProblem(' a ')).toBe('Type at least 2 letters of a name, an email, a job title or a client.');
    expect(searchProblem('x'.repeat(101))).toBe('Use at most 100 characters: a part of the name is enough.');
    expect(searchProblem('  ad  ')).toBe('');
  });
});

describe('FindApplications', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({ routes: [{ path: 'recruiter/search', component: FindApplications }] })),
  );

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();
  const box = () => view().querySelector('#find-q') as HTMLInputElement;
  const rows = () => Array.from(view().querySelectorAll<HTMLElement>('[data-testid="found-application"]'));
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === name);

  function searchRequest(q: string, cursor?: string): TestRequest {
    return http.expectOne(
      (request) =>
        request.url === '/api/agency/applications/search' &&
        request.params.get('q') === q &&
        request.params.get('cursor') === (cursor ?? null),
    );
  }

  async function answer(request: TestRequest, page: ApplicationSearchPage) {
    request.flush(page);
    await harness.fixture.whenStable();
  }

  async function type(text: string) {
    box().value = text;
    box().dispatchEvent(new Event('input'));
    view().querySelector('form')?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
  }

  it('labels its search box, asks nothing until something is typed, and says how to search', async () => {
    await harness.navigateByUrl('/recruiter/search', FindApplications);
    expect(view().querySelector('label[for="find-q"]')?.textContent?.trim()).toBe('Name, email, job or client');
    expect(view().textContent).toContain('Type at least two letters above');
  });

  it('refuses one letter with a problem under the box, focused, and sends nothing', async () => {
    await harness.navigateByUrl('/recruiter/search', FindApplications);
    await type(' a ');
    expect(view().querySelector('#find-q-error')?.textContent?.trim()).toBe(
      'Type at least 2 letters of a name, an email, a job title or a client.',
    );
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(box());
  });

  it('searches what was typed, trimmed, lists each result linking to its application, and loads more by cursor', async () => {
    await harness.navigateByUrl('/recruiter/search', FindApplications);
    await type('  Ada ');
    expect(status()).toBe('Searching…');
    await answer(searchRequest('Ada'), { items: [found('app-1', 'Ada Lovelace')], nextCursor: 'next-1' });

    expect(status()).toBe('The 1 newest applications found; load more below');
    const [first] = rows();
    expect(first.querySelector('a')?.textContent?.trim()).toBe('Ada Lovelace');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/recruiter/applications/app-1?from=search&q=Ada');
    expect(first.textContent).toContain('app-1@example.test');
    expect(first.textContent).toContain('Backend Engineer · Northwind');
    expect(first.querySelector('.badge')?.textContent?.trim()).toBe('Applied');

    button('Load more applications')?.click();
    await answer(searchRequest('Ada', 'next-1'), { items: [found('app-2', 'Ada Byron')], nextCursor: null });
    expect(rows().map((row) => row.querySelector('a')?.textContent?.trim())).toEqual(['Ada Lovelace', 'Ada Byron']);
    expect(button('Load more applications')).toBeUndefined();
    expect(status()).toBe('2 applications');
  });

  it('reads the search from the URL, and says plainly when nothing matches', async () => {
    await harness.navigateByUrl('/recruiter/search?q=zzq', FindApplications);
    expect(box().value).toBe('zzq');
    await answer(searchRequest('zzq'), { items: [], nextCursor: null });
    expect(status()).toBe('No applications match “zzq”');
    expect(view().textContent).toContain('Nothing matches “zzq”. Check the spelling');
  });

  it('says what went wrong, and tries again on request', async () => {
    await harness.navigateByUrl('/recruiter/search?q=Ada', FindApplications);
    searchRequest('Ada').flush(...apiErrorBody(500, ErrorCode.Internal, 'Boom.'));
    await harness.fixture.whenStable();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain("We couldn't load the search results");
    button('Try again')?.click();
    await answer(searchRequest('Ada'), { items: [found('app-1', 'Ada Lovelace')], nextCursor: null });
    expect(rows()).toHaveLength(1);
  });
});
