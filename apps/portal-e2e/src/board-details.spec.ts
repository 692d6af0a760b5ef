import { type Browser, type Page, expect, test } from '@playwright/test';
import type { ApplicationView, ClientView, JobDetail, PrivacyNoticeView } from '@heardback/contracts';
import {
  DEMO_STAFF,
  apiGet,
  apiPost,
  registerThroughApi,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';

/** Issue 14: pay with its period, Back to the board, an applicant's closed job, a quiet console, the phone board. */

const jobCards = (page: Page) => page.getByRole('article');

interface StaffJobs {
  staff: Page;
  marker: string;
  jobs: JobDetail[];
}

/** Staff publish `count` jobs whose titles share one unique word; the first is a day-rate contract. */
async function publishJobs(browser: Browser, count: number): Promise<StaffJobs> {
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, DEMO_STAFF);
  const marker = `Boardtest${uniqueStamp()}`;
  const client = await apiPost<ClientView>(staff, '/api/clients', { name: `E2E Client ${marker}` });
  const jobs: JobDetail[] = [];
  for (let index = 0; index < count; index++) {
    jobs.push(
      await apiPost<JobDetail>(staff, '/api/jobs', {
        clientId: client.id,
        title: `${marker} Role ${String(index + 1).padStart(2, '0')}`,
        description: 'A role published by the end-to-end tests.',
        location: 'Leeds',
        workMode: 'hybrid',
        employmentType: index === 0 ? 'contract' : 'full_time',
        salary:
          index === 0
            ? { min: 450, max: 550, currency: 'GBP', period: 'day' }
            : { min: 55_000, max: 65_000, currency: 'GBP', period: 'year' },
        status: 'open',
        pipeline: ['Phone screen', 'Final interview'],
      }),
    );
  }
  return { staff, marker, jobs };
}

/** Closes the test's jobs, so they do not crowd the demo board for the other journeys. */
async function closeJobs({ staff, jobs }: StaffJobs): Promise<void> {
  for (const job of jobs) {
    await apiPost(staff, `/api/jobs/${job.id}/close`, {
      outcome: 'closed',
      candidateMessage: 'This role was only for the end-to-end tests.',
    });
  }
  await staff.context().close();
}

test('Back from a job brings back every job loaded and the place on the board', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const published = await publishJobs(browser, 25);
  try {
    await page.goto(`/jobs?q=${published.marker}`);
    await expect(page.getByRole('status')).toHaveText(`25 jobs match “${published.marker}”`);
    await expect(jobCards(page)).toHaveCount(20);
    await expect(page.getByText('Showing 20 of 25 jobs')).toBeVisible();
    await page.getByRole('button', { name: 'Load more jobs' }).click();
    await expect(jobCards(page)).toHaveCount(25);

    // The oldest, a day-rate contract, is last: its pay says what it is per.
    const contract = jobCards(page).last();
    await expect(contract).toContainText('£450 – £550 a day');
    await expect(jobCards(page).first()).toContainText('£55,000 – £65,000 a year');
    await contract.getByRole('link').scrollIntoViewIfNeeded();
    const scrolledTo = await page.evaluate(() => window.scrollY);
    expect(scrolledTo).toBeGreaterThan(1000);
    await screenshotsAtBothWidths(page, testInfo, 'board-loaded-more');

    const boardRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/jobs') boardRequests.push(request.url());
    });
    await contract.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${published.marker} Role 01`);
    await expect(page.getByText('£450 – £550 a day')).toBeVisible();
    await screenshotsAtBothWidths(page, testInfo, 'job-day-rate');

    await page.goBack();
    await expect(jobCards(page)).toHaveCount(25);
    await expect(page.getByRole('status')).toHaveText(`25 jobs match “${published.marker}”`);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledTo - 10);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolledTo + 10);
    await expect(contract).toBeInViewport();
    // The focus is back on the job that was opened, so the keyboard carries on from there.
    await expect(contract.getByRole('link')).toBeFocused();
    // What was loaded is shown again, not fetched again.
    expect(boardRequests).toEqual([]);
  } finally {
    await closeJobs(published);
  }
});

test('a board opened before a deployment starts again from the top when the API no longer reads its cursor', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const published = await publishJobs(browser, 25);
  try {
    await page.goto(`/jobs?q=${published.marker}`);
    await expect(jobCards(page)).toHaveCount(20);
    await expect(page.getByText('Showing 20 of 25 jobs')).toBeVisible();

    // The page holds a cursor of an older release: the real API is asked with a cursor it never gave out.
    const staleCursors: string[] = [];
    await page.route(
      (url) => url.pathname === '/api/jobs' && url.searchParams.has('cursor'),
      async (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set('cursor', 'from-the-release-before');
        staleCursors.push(url.toString());
        await route.continue({ url: url.toString() });
      },
    );
    const restart = page.waitForRequest(
      (request) =>
        new URL(request.url()).pathname === '/api/jobs' && !new URL(request.url()).searchParams.has('cursor'),
    );
    await page.getByRole('button', { name: 'Load more jobs' }).click();
    await restart;
    const startedAgain = page.getByText('The list changed since it was loaded, so it starts again from the top.');
    await expect(startedAgain).toBeVisible();
    await expect(jobCards(page)).toHaveCount(20);
    // Keyboard and screen-reader users carry on from the first job of the list read again.
    await expect(jobCards(page).first()).toBeFocused();
    await expect(page.getByText('Showing 20 of 25 jobs')).toBeVisible();
    await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
    expect(staleCursors).toHaveLength(1);
    await screenshotsAtBothWidths(page, testInfo, 'board-started-again');

    // The cursor of the page just read is this release's own: the next page loads as usual.
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Load more jobs' }).click();
    await expect(jobCards(page)).toHaveCount(25);
    await expect(startedAgain).toHaveCount(0);
  } finally {
    await closeJobs(published);
  }
});

test('an applicant whose job closed still reads it from their application, marked closed, with no way to apply', async ({
  page,
  browser,
}, testInfo) => {
  const published = await publishJobs(browser, 1);
  const [job] = published.jobs;
  await page.goto('/jobs');
  await registerThroughApi(page, {
    email: `closed-job-${uniqueStamp()}@example.com`,
    fullName: `E2E Closed ${uniqueStamp()}`,
  });
  const notice = await apiGet<PrivacyNoticeView>(page, '/api/privacy-notice');
  const application = await apiPost<ApplicationView>(page, `/api/jobs/${job.id}/applications`, {
    privacyNoticeVersion: notice.version,
    answers: [],
  });
  await closeJobs(published);

  await page.goto(`/me/applications/${application.id}`);
  await page.getByRole('link', { name: 'See the job' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(job.title);
  await expect(page.getByRole('heading', { name: 'This job is closed' })).toBeVisible();
  await expect(page.getByText('It no longer takes applications.')).toBeVisible();
  await expect(page.getByRole('button', { name: /apply/i })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'See your application' })).toHaveAttribute(
    'href',
    `/me/applications/${application.id}`,
  );
  await screenshotsAtBothWidths(page, testInfo, 'closed-job');

  // Anyone else is still told the job is not found.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/jobs/${job.id}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Job not found');
  await visitor.context().close();
});

test('an anonymous visitor browsing the board and a job logs no error in the console', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/jobs');
  await expect(page.getByRole('status')).toHaveText(/^\d+ jobs?$/);
  await jobCards(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'How hiring works' })).toBeVisible();

  expect(errors).toEqual([]);
});

test('on a phone the filters fold behind a Filters button that works with the keyboard', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/jobs');
  await expect(page.getByRole('status')).toHaveText(/^\d+ jobs?$/);

  const toggle = page.getByRole('button', { name: 'Filters' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Work mode')).toBeHidden();
  // The first job starts on the first screen, under the search.
  await expect(jobCards(page).first()).toBeInViewport();
  await screenshotsAtBothWidths(page, testInfo, 'board-filters-folded');
  await page.setViewportSize({ width: 375, height: 800 });

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Work mode').selectOption({ label: 'Remote' });
  await expect(page).toHaveURL(/workMode=remote/);
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: testInfo.outputPath('board-filters-open-375.png'), fullPage: true });

  // Wider screens show the filters with no button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
  await expect(page.getByLabel('Location')).toBeVisible();
});

test('staff say what a job’s pay is per in the job editor', async ({ browser }, testInfo) => {
  const published = await publishJobs(browser, 1);
  const { staff, jobs } = published;
  try {
    await staff.goto(`/staff/jobs/${jobs[0].id}/edit`);
    const per = staff.getByLabel('Per', { exact: true });
    await expect(per).toHaveValue('day');
    await per.selectOption({ label: 'Hour' });
    await staff.getByLabel('Minimum').fill('25');
    await staff.getByLabel('Maximum').fill('30');
    await screenshotsAtBothWidths(staff, testInfo, 'job-editor-pay');
    await staff.getByRole('button', { name: 'Save changes' }).click();
    await expect(staff).toHaveURL(/\/staff\/jobs$/);

    await staff.goto(`/jobs/${jobs[0].id}`);
    await expect(staff.getByText('£25 – £30 an hour')).toBeVisible();
  } finally {
    await closeJobs(published);
  }
});

test('a near miss offers “Did you mean” with the word of an open job, and the link searches for it', async ({
  browser,
  page,
}, testInfo) => {
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, DEMO_STAFF);
  const client = await apiPost<ClientView>(staff, '/api/clients', { name: `E2E Client Typo ${uniqueStamp()}` });
  await apiPost<JobDetail>(staff, '/api/jobs', {
    clientId: client.id,
    title: 'Harbour Pilot',
    description: 'A role published by the end-to-end tests.',
    location: 'Wrexhampton',
    workMode: 'onsite',
    employmentType: 'full_time',
    status: 'open',
    pipeline: ['Interview'],
  });

  await page.goto('/jobs?q=Wrexhamptn');
  await expect(page.getByRole('status')).toHaveText('No jobs match “Wrexhamptn”');
  const suggestion = page.getByRole('link', { name: 'Wrexhampton' });
  await expect(suggestion).toBeVisible();
  await expect(page.getByText('Did you mean')).toHaveText(/Did you mean\s+Wrexhampton\?/);
  await screenshotsAtBothWidths(page, testInfo, 'board-did-you-mean');

  await suggestion.click();
  await expect(page).toHaveURL(/\/jobs\?q=Wrexhampton$/);
  await expect(page.getByRole('searchbox', { name: 'Search jobs' })).toHaveValue('Wrexhampton');
  await expect(jobCards(page).first()).toContainText('Wrexhampton');

  // Back from a job comes back to the corrected search, as it was.
  await jobCards(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]+$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/jobs\?q=Wrexhampton$/);
  await expect(jobCards(page).first()).toContainText('Wrexhampton');
});
