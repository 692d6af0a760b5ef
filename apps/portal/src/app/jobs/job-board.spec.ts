import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DefaultUrlSerializer, Navigation, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { EmploymentType, ErrorCode, JobBoardPage, JobSummary, Page, WorkMode } from '@heardback/contracts';
import { jobOpenedBy } from './board-memory';
import { JobBoard, SEARCH_DEBOUNCE_MS } from './job-board';
import { aJobPage, aJobSummary, apiErrorBody } from '../testing/factories';
import { routeHarness } from '../testing/setup';

describe('JobBoard', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => ({ harness, http } = await routeHarness({ routes: [{ path: 'jobs', component: JobBoard }] })));

  afterEach(() => http.verify());

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url, JobBoard);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  /** The one outstanding request for the jobs list. */
  function jobsRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/jobs');
  }

  async function answer(page: JobBoardPage | Page<JobSummary>): Promise<void> {
    jobsRequest().flush(page);
    await settle();
  }

  const view = () => harness.routeNativeElement as HTMLElement;
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();
  const cards = () => Array.from(view().querySelectorAll('article'));
  const titles = () => cards().map((card) => card.querySelector('h2')?.textContent?.trim());
  const searchBox = () => view().querySelector<HTMLInputElement>('input[type="search"]');
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.trim() === name);

  it('lists each open job with its title, client, location, work mode, employment type and salary', async () => {
    await open('/jobs');
    await answer(
      aJobPage([
        aJobSummary(),
        aJobSummary({
          id: 'job-2',
          title: 'Staff Nurse',
          clientName: 'St Mary’s Clinic',
          location: 'York',
          workMode: WorkMode.Onsite,
          employmentType: EmploymentType.PartTime,
          salary: null,
        }),
      ]),
    );

    const shown = cards().map((card) =>
      Array.from(card.querySelectorAll('h2, p, dd'), (element) => element.textContent?.trim()),
    );
    expect(shown).toEqual([
      ['Backend Engineer', 'Northwind Logistics', 'Leeds', 'Hybrid', 'Full-time', '£55,000 – £70,000 a year'],
      ['Staff Nurse', 'St Mary’s Clinic', 'York', 'On-site', 'Part-time'],
    ]);
    expect(status()).toBe('2 jobs');
  });

  it('says it is loading until the jobs arrive', async () => {
    await open('/jobs');

    expect(status()).toBe('Loading jobs…');
    await answer(aJobPage([aJobSummary()]));
    expect(status()).toBe('1 job');
  });

  it('sends the search term from the URL to the API and shows it in the search box', async () => {
    await open('/jobs?q=engineer');

    const request = jobsRequest();
    expect(request.request.params.get('q')).toBe('engineer');
    expect(searchBox()?.value).toBe('engineer');
    request.flush(aJobPage([aJobSummary()]));
    await settle();
    expect(status()).toBe('1 job matches “engineer”');
  });

  it('searches when the visitor presses Enter, and puts the term in the URL so it can be shared', async () => {
    await open('/jobs');
    await answer(aJobPage([aJobSummary(), aJobSummary({ id: 'job-2', title: 'Staff Nurse' })]));

    const box = searchBox() as HTMLInputElement;
    box.value = 'nurse';
    box.dispatchEvent(new Event('input'));
    box.form?.requestSubmit();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/jobs?q=nurse');
    const request = jobsRequest();
    expect(request.request.params.get('q')).toBe('nurse');
    request.flush(aJobPage([aJobSummary({ id: 'job-2', title: 'Staff Nurse' })]));
    await settle();
    expect(titles()).toEqual(['Staff Nurse']);
    expect(status()).toBe('1 job matches “nurse”');
  });

  it('searches by itself once typing pauses', async () => {
    await open('/jobs');
    await answer(aJobPage([aJobSummary()]));

    const box = searchBox() as HTMLInputElement;
    box.value = 'data';
    box.dispatchEvent(new Event('input'));
    await settle();
    http.expectNone((request) => request.url === '/api/jobs');

    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/jobs?q=data');
    expect(jobsRequest().request.params.get('q')).toBe('data');
  });

  it('says when nothing matches and offers to clear the search', async () => {
    await open('/jobs?q=zookeeper');
    await answer(aJobPage([]));

    expect(status()).toBe('No jobs match “zookeeper”');
    expect(cards()).toHaveLength(0);

    button('Clear search')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/jobs');
    expect(jobsRequest().request.params.has('q')).toBe(false);
  });

  it('offers the API’s correction of a near miss as a link that searches for it', async () => {
    await open('/jobs?q=Londn&workMode=hybrid');
    await answer(aJobPage([], null, 0, 'London'));

    const suggestion = Array.from(view().querySelectorAll('a')).find((link) => link.textContent?.trim() === 'London');
    expect(suggestion?.closest('p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Did you mean London?');
    suggestion?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/jobs?q=London&workMode=hybrid');
    expect(searchBox()?.value).toBe('London');
    await answer(aJobPage([aJobSummary({ location: 'London' })]));
    expect(titles()).toHaveLength(1);
    expect(view().textContent).not.toContain('Did you mean');
  });

  it('says “more than” when the API stopped counting a broad search', async () => {
    await open('/jobs?q=engineer');
    await answer({ ...aJobPage([aJobSummary()], 'cursor-2', 1000), totalCapped: true });

    expect(status()).toBe('More than 1000 jobs match “engineer”');
    expect(view().textContent).toContain('Showing 1 of more than 1000 jobs');
  });

  it('says what went wrong when the jobs cannot be loaded, and “Try again” loads them', async () => {
    await open('/jobs');
    jobsRequest().flush(...apiErrorBody(500, ErrorCode.Internal, 'Internal error'));
    await settle();

    const alert = view().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("We couldn't load the jobs");
    expect(alert?.textContent).toContain('Our server had a problem (error 500)');
    expect(cards()).toHaveLength(0);

    button('Try again')?.click();
    await settle();
    await answer(aJobPage([aJobSummary()]));
    expect(view().querySelector('[role="alert"]')).toBeNull();
    expect(titles()).toEqual(['Backend Engineer']);
  });

  it('appends the next page for the same search when “Load more jobs” is pressed', async () => {
    await open('/jobs?q=engineer');
    await answer(aJobPage([aJobSummary({ id: 'a', title: 'Backend Engineer' })], 'cursor-2', 2));
    expect(status()).toBe('2 jobs match “engineer”');
    expect(view().querySelector('.board__shown')?.textContent).toBe('Showing 1 of 2 jobs');

    button('Load more jobs')?.click();
    await settle();
    const request = jobsRequest();
    expect(request.request.params.get('cursor')).toBe('cursor-2');
    expect(request.request.params.get('q')).toBe('engineer');
    request.flush(aJobPage([aJobSummary({ id: 'b', title: 'Frontend Engineer' })], null, 2));
    await settle();

    expect(titles()).toEqual(['Backend Engineer', 'Frontend Engineer']);
    expect(status()).toBe('2 jobs match “engineer”');
    expect(button('Load more jobs')).toBeUndefined();
    expect(document.activeElement).toBe(cards()[1]);
  });

  it('folds the filters behind a “Filters” button that says whether they are open and how many are in use', async () => {
    await open('/jobs?workMode=remote');
    await answer(aJobPage([aJobSummary()]));
    const toggle = view().querySelector<HTMLButtonElement>('.filters-toggle') as HTMLButtonElement;
    const filters = view().querySelector('#board-filters');
    expect(toggle.textContent?.trim()).toBe('Filters (1)');
    expect(toggle.getAttribute('aria-controls')).toBe('board-filters');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(filters?.classList).toContain('filters--folded');

    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(filters?.classList).not.toContain('filters--folded');
  });

  it('keeps the jobs already shown when the next page fails, and lets the visitor try again', async () => {
    await open('/jobs');
    await answer(aJobPage([aJobSummary({ id: 'a' })], 'cursor-2'));

    button('Load more jobs')?.click();
    await settle();
    jobsRequest().error(new ProgressEvent('error'), { status: 0 });
    await settle();

    expect(cards()).toHaveLength(1);
    expect(view().querySelector('[role="alert"]')?.textContent).toContain('could not reach Heardback');
    button('Load more jobs')?.click();
    await settle();
    expect(jobsRequest().request.params.get('cursor')).toBe('cursor-2');
  });

  describe('when the API no longer reads the cursor of the jobs shown (a deploy changed their form)', () => {
    const startedAgain = () => view().querySelector('.board__started-again[role="status"]')?.textContent?.trim();
    const cursorRefused = (field: string) =>
      apiErrorBody(400, ErrorCode.ValidationFailed, 'Some fields are not valid.', [
        { field, reasons: ['is not a cursor this API gave out; start again without it'] },
      ]);

    async function refuseTheNextPage(field: string) {
      await open('/jobs?q=engineer');
      await answer(aJobPage([aJobSummary({ id: 'a', title: 'Backend Engineer' })], 'old-form', 3));
      button('Load more jobs')?.click();
      await settle();
      const request = jobsRequest();
      expect(request.request.params.get('cursor')).toBe('old-form');
      request.flush(...cursorRefused(field));
      await settle();
    }

    it('starts the same search again from the top, and says so until the next page comes', async () => {
      await refuseTheNextPage('cursor');

      const again = jobsRequest();
      expect(again.request.params.has('cursor')).toBe(false);
      expect(again.request.params.get('q')).toBe('engineer');
      again.flush(aJobPage([aJobSummary({ id: 'n', title: 'Data Engineer' })], 'new-1', 2));
      await settle();
      expect(titles()).toEqual(['Data Engineer']);
      expect(startedAgain()).toBe('The list changed since it was loaded, so it starts again from the top.');
      expect(view().querySelector('[role="alert"]')).toBeNull();

      button('Load more jobs')?.click();
      await settle();
      jobsRequest().flush(aJobPage([aJobSummary({ id: 'b', title: 'Frontend Engineer' })], null, 2));
      await settle();
      expect(titles()).toEqual(['Data Engineer', 'Frontend Engineer']);
      expect(startedAgain()).toBeUndefined();
    });

    it('says a 400 about another field beside the button, as any failure, and asks nothing more', async () => {
      await refuseTheNextPage('q');

      http.expectNone((request) => request.url === '/api/jobs');
      expect(titles()).toEqual(['Backend Engineer']);
      expect(view().querySelector('.board__more-error[role="alert"]')?.textContent).toContain(
        'More jobs could not be loaded.',
      );
      expect(startedAgain()).toBeUndefined();
    });
  });

  describe('filters', () => {
    const select = (label: string) => {
      const labelElement = Array.from(view().querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
      return view().querySelector<HTMLSelectElement>(`#${labelElement?.htmlFor}`) as HTMLSelectElement;
    };
    const choose = async (label: string, value: string) => {
      const element = select(label);
      element.value = value;
      element.dispatchEvent(new Event('change'));
      await settle();
    };

    it('sends the filters from the URL to the API and shows them in the controls', async () => {
      await open(
        '/jobs?location=Leeds&workMode=remote&employmentType=part_time&clientId=0b7e3c52-5d1c-4f44-9a55-3b8f0d9f1a10',
      );

      const params = jobsRequest().request.params;
      expect(params.get('location')).toBe('Leeds');
      expect(params.get('workMode')).toBe('remote');
      expect(params.get('employmentType')).toBe('part_time');
      expect(params.get('clientId')).toBe('0b7e3c52-5d1c-4f44-9a55-3b8f0d9f1a10');
      expect(select('Location').value).toBe('Leeds');
      expect(select('Work mode').value).toBe('remote');
      expect(select('Employment type').value).toBe('part_time');
    });

    it('ignores filter values in the URL that the API would refuse', async () => {
      await open('/jobs?workMode=underwater&clientId=not-an-id');

      const params = jobsRequest().request.params;
      expect(params.has('workMode')).toBe(false);
      expect(params.has('clientId')).toBe(false);
    });

    it('applies a chosen work mode at once and keeps it in the URL', async () => {
      await open('/jobs?q=engineer');
      await answer(aJobPage([aJobSummary()]));

      await choose('Work mode', WorkMode.Remote);

      expect(TestBed.inject(Router).url).toBe('/jobs?q=engineer&workMode=remote');
      const request = jobsRequest();
      expect(request.request.params.get('workMode')).toBe('remote');
      expect(request.request.params.get('q')).toBe('engineer');
      request.flush(aJobPage([aJobSummary()]));
      await settle();
      expect(status()).toBe('1 job matches “engineer” and your filters');
    });

    it('offers the clients seen in the results as the client filter', async () => {
      await open('/jobs');
      await answer(
        aJobPage([
          aJobSummary({ id: 'a', clientId: 'c-2', clientName: 'Orchard Retail' }),
          aJobSummary({ id: 'b', clientId: 'c-1', clientName: 'Bluefin Health' }),
          aJobSummary({ id: 'c', clientId: 'c-2', clientName: 'Orchard Retail' }),
        ]),
      );

      expect(Array.from(select('Client').options, (option) => option.text.trim())).toEqual([
        'Any client',
        'Bluefin Health',
        'Orchard Retail',
      ]);
    });

    it('clears the search and every filter in one go', async () => {
      await open('/jobs?q=nurse&location=York&employmentType=full_time');
      await answer(aJobPage([]));

      expect(status()).toBe('No jobs match “nurse” and your filters');
      button('Clear search and filters')?.click();
      await settle();

      expect(TestBed.inject(Router).url).toBe('/jobs');
      expect(jobsRequest().request.params.keys()).toEqual([]);
    });

    it('links each job to its own page', async () => {
      await open('/jobs');
      await answer(aJobPage([aJobSummary({ id: 'job-42' })]));

      expect(cards()[0].querySelector('h2 a')?.getAttribute('href')).toBe('/jobs/job-42');
    });
  });
});

describe('jobOpenedBy', () => {
  const leavingFor = (url: string) => ({ extractedUrl: new DefaultUrlSerializer().parse(url) }) as Navigation;

  it('names the job a navigation from the board opens, so Back can focus its link again', () => {
    expect(jobOpenedBy(leavingFor('/jobs/7d1c0b9e-1f4a-4c55-9a57-0c2f1f3e2a10'))).toBe(
      '7d1c0b9e-1f4a-4c55-9a57-0c2f1f3e2a10',
    );
  });

  it('names none when the visitor leaves for anything but a job', () => {
    expect(jobOpenedBy(leavingFor('/jobs?q=nurse'))).toBeNull();
    expect(jobOpenedBy(leavingFor('/candidate/applications/abc'))).toBeNull();
    expect(jobOpenedBy(null)).toBeNull();
  });
});
