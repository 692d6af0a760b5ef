import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApplicationStatus, NewApplication, NewApplicationsPage } from '@heardback/contracts';
import { NewApplications, mineFrom, newApplicationRow } from './new-applications';
import { routeHarness } from '../testing/setup';

function waiting(id: string, fullName: string, workingDays: number, hours = 0): NewApplication {
  return {
    id,
    status: ApplicationStatus.Applied,
    candidate: { id: `candidate-${id}`, fullName, email: `${id}@example.test` },
    job: { id: 'job-1', title: 'Backend Engineer', clientName: 'Northwind' },
    appliedAt: '2026-11-20T10:00:00.000Z',
    waited: { workingDays, hours },
  };
}

describe('newApplicationRow', () => {
  it('says how long it has waited in working time, and marks three working days or more', () => {
    expect(newApplicationRow(waiting('a', 'Ada', 3)).waiting).toBe('waiting 3 working days');
    expect(newApplicationRow(waiting('a', 'Ada', 3)).long).toBe(true);
    expect(newApplicationRow(waiting('b', 'Ben', 0, 4))).toMatchObject({
      waiting: 'waiting 4 working hours',
      long: false,
    });
  });

  it('reads mine from the URL, and leaves anything else to the API', () => {
    expect([mineFrom('true'), mineFrom('false'), mineFrom(undefined), mineFrom('yes')]).toEqual([
      true,
      false,
      null,
      null,
    ]);
  });
});

describe('NewApplications', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({ routes: [{ path: 'recruiter/new', component: NewApplications }] })),
  );

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();
  const rows = () => Array.from(view().querySelectorAll<HTMLElement>('[data-testid="new-application"]'));
  const whose = () => view().querySelector('#new-applications-whose') as HTMLSelectElement;
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === name);

  function listRequest(mine: string | null, cursor?: string): TestRequest {
    return http.expectOne(
      (request) =>
        request.url === '/api/agency/applications/new' &&
        request.params.get('mine') === mine &&
        request.params.get('cursor') === (cursor ?? null),
    );
  }

  async function answer(request: TestRequest, page: NewApplicationsPage) {
    request.flush(page);
    await harness.fixture.whenStable();
  }

  it('lists the applications waiting longest first, each with how long it has waited, and the true total', async () => {
    await harness.navigateByUrl('/recruiter/new', NewApplications);
    expect(status()).toBe('Loading new applications…');
    await answer(listRequest(null), {
      items: [waiting('app-1', 'Ada Lovelace', 3), waiting('app-2', 'Ben Okri', 0, 2)],
      nextCursor: 'next-1',
      total: 3,
      mine: true,
    });

    expect(status()).toBe('3 new applications waiting to be screened; the 2 waiting longest are shown');
    expect(whose().value).toBe('true');
    const [first, second] = rows();
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/recruiter/applications/app-1?from=new');
    expect(first.querySelector('.badge')?.textContent?.trim()).toBe('waiting 3 working days');
    expect(first.classList).toContain('record--alarm');
    expect(second.querySelector('.badge')?.textContent?.trim()).toBe('waiting 2 working hours');

    button('Load more applications')?.click();
    await answer(listRequest('true', 'next-1'), {
      items: [waiting('app-3', 'Chloe Ng', 0)],
      nextCursor: null,
      total: 3,
      mine: true,
    });
    expect(rows()).toHaveLength(3);
    expect(button('Load more applications')).toBeUndefined();
  });

  it('shows everyone’s when chosen, from the URL, and says so when nothing waits', async () => {
    await harness.navigateByUrl('/recruiter/new?mine=false', NewApplications);
    await answer(listRequest('false'), { items: [], nextCursor: null, total: 0, mine: false });
    expect(whose().value).toBe('false');
    expect(status()).toBe('No new applications');
    expect(view().textContent).toContain('Every application has been screened');
  });
});
