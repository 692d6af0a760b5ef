import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ApplicationView, ClientMonthlyScore } from '@heardback/contracts';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { DEMO_STAFF, apiPost, freshApplication, scheduleFirstStageInThePast, signInAs } from './support/agency-sign-in';

/**
 * Whether the page itself scrolls sideways: wide tables must scroll in their own regions instead.
 * Asked with `expect.poll`: after a viewport change the charts resize on their ResizeObserver, a frame
 * or more later, and until then the page is briefly as wide as before.
 */
function pageOverflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** A score table's median column runs largest first, the groups without a figure ('–') last. */
async function expectSlowestFirst(table: Locator): Promise<void> {
  const medians = (await table.locator('tbody tr td:nth-of-type(2)').allTextContents()).map((text) => text.trim());
  const figures = medians.filter((text) => text !== '–').map(Number);
  expect(medians).toEqual([...figures.map(String), ...medians.filter((text) => text === '–')]);
  expect(figures).toEqual([...figures].sort((a, b) => b - a));
}

/** Whether a canvas has anything drawn on it: some pixel that is not fully transparent. */
function drawnOn(canvas: Locator): Promise<boolean> {
  return canvas.evaluate((element) => {
    const node = element as HTMLCanvasElement;
    const context = node.getContext('2d');
    if (!context || node.width === 0 || node.height === 0) return false;
    const { data } = context.getImageData(0, 0, node.width, node.height);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });
}

test('staff open the score, see both charts drawn, sort and page a table and download it as CSV', async ({
  page,
  browser,
}, testInfo) => {
  // Paging the jobs' table two at a time, on a machine shared with other builds, takes longer than the default.
  test.setTimeout(120_000);
  // Pages of two groups instead of fifty, so the demo's few jobs take several pages: the API still
  // sorts and pages them; only the size the portal asks for is changed.
  await page.route('**/api/agency/score/groups?*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '2');
    return route.continue({ url: url.toString() });
  });
  // Feedback recorded now on an interview that ended two days ago, so the period has a figure.
  const { application } = await freshApplication(browser, 'score');
  await signInAs(page, DEMO_STAFF);
  const scheduled = await scheduleFirstStageInThePast(page, application);
  await apiPost<ApplicationView>(
    page,
    `/api/applications/${application.id}/stages/${scheduled.stages[0].id}/feedback`,
    {
      decision: 'advance',
      rating: 3,
      candidateMessage: 'You walked us through the design clearly.',
      version: scheduled.version,
    },
  );

  await page.goto('/staff');
  await page.getByRole('link', { name: 'Score', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heardback score');

  // A period within one week (today alone, as early in a month) draws no lone dot: the chart says a
  // trend needs two weeks and offers the last 90 days, which it then draws.
  const today = await page.evaluate(() => {
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
  });
  await page.getByRole('radio', { name: 'Custom' }).check();
  await page.getByLabel('First day').fill(today);
  await page.getByLabel('Last day').fill(today);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const note = page.locator('hb-score-trend-note');
  await expect(note).toContainText('A trend needs at least two weeks, and this period falls within one');
  await expect(page.getByRole('img', { name: /week by week/ })).toHaveCount(0);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`score-${width}-one-week.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await note.getByRole('button', { name: 'Show the last 90 days' }).click();
  await expect(page.getByRole('radio', { name: 'Last 90 days' })).toBeChecked();
  await expect(page).toHaveURL(/\/staff\/score\?period=last-90-days$/);
  await expect(page.getByRole('heading', { name: 'The whole agency' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Over the period' })).toBeFocused();

  const trend = page.getByRole('img', { name: /week by week/ });
  const distribution = page.getByRole('img', { name: /waited for feedback/ });
  await expect(trend).toBeVisible();
  await expect(distribution).toBeVisible();
  await expect.poll(() => drawnOn(trend), { message: 'the trend chart is drawn' }).toBe(true);
  await expect.poll(() => drawnOn(distribution), { message: 'the distribution chart is drawn' }).toBe(true);
  await expect(page.getByText(/interviews?; \d+ had feedback within 2 working days/)).toBeVisible();

  // The recruiters' table, sorted by how many interviews each had feedback on, most first, then fewest.
  const table = page.getByRole('table', { name: /^Recruiters/ });
  const header = table.getByRole('columnheader', { name: 'Interviews with feedback' });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const counts = async () =>
    (await table.locator('tbody tr td:nth-of-type(1)').allTextContents()).map((text) => Number(text.trim()));
  const descending = await counts();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await counts();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  // The jobs' table, a page at a time, sorted by the server by median time to feedback, largest first.
  await page.getByRole('tab', { name: 'Jobs' }).click();
  const jobs = page.getByRole('table', { name: /^Jobs/ });
  await expect(page.locator('.score__count')).toHaveText(/^\s*\d+ jobs in this period\s*$/);
  const jobCount = Number((await page.locator('.score__count').textContent())?.match(/(\d+) jobs/)?.[1]);
  expect(jobCount).toBeGreaterThan(2);
  await expect(jobs.locator('tbody tr')).toHaveCount(2);
  const median = jobs.getByRole('columnheader', { name: 'Median working days to feedback' });
  await median.getByRole('button').click();
  await expect(median).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator('.score__count')).toHaveText(`${jobCount} jobs in this period`);
  // The period, the tab and the order are in the URL, so a reload (or the link, shared) shows them again.
  for (const param of ['period=last-90-days', 'by=job', 'sort=median', 'direction=desc']) {
    await expect(page).toHaveURL(new RegExp(`[?&]${param}(&|$)`));
  }
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Jobs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('radio', { name: 'Last 90 days' })).toBeChecked();
  await expect(median).toHaveAttribute('aria-sort', 'descending');
  await expect(jobs.locator('tbody tr')).toHaveCount(2);
  await expect(page.locator('.score__count')).toHaveText(`${jobCount} jobs in this period`);
  const loadMore = page.getByRole('button', { name: 'Load more jobs' });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await loadMore.scrollIntoViewIfNeeded();
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (let shown = 2; shown < jobCount; shown += 2) {
    await expect(page.getByText(`${shown} of ${jobCount} jobs shown`)).toBeVisible();
    await loadMore.click();
    await expect(jobs.locator('tbody tr')).toHaveCount(Math.min(shown + 2, jobCount));
    // Focus moves to the first new row, as on every paged list.
    await expect(jobs.locator(`tbody tr[data-index="${shown}"]`)).toBeFocused();
  }
  await expect(loadMore).toBeHidden();
  // Every job once, figures largest first and the jobs without one last.
  await expectSlowestFirst(jobs);
  await jobs.locator('tbody tr').first().scrollIntoViewIfNeeded();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await jobs.scrollIntoViewIfNeeded();
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('tab', { name: 'Recruiters' }).click();
  await expect(table).toBeVisible();
  // On a laptop's 1280 px every column shows at once: the table grows past the page's reading column
  // rather than scrolling sideways in its box.
  const region = page.getByRole('region', { name: /^Recruiters/ });
  await expect
    .poll(() => region.evaluate((element) => element.scrollWidth <= element.clientWidth), {
      message: 'the recruiters table fits without scrolling sideways at 1280 px',
    })
    .toBe(true);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export the table (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^heardback-score-by-recruiter-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = await readFile((await file.path()) ?? '', 'utf8');
  const [header1, overall] = csv.split('\r\n');
  expect(header1).toBe(
    'group,name,detail,interviews with feedback,median working days to feedback,p90 working days to feedback,' +
      'promises due,kept on date,re-dated in time,broken,kept %,open applications,longest silence (days),' +
      'rejections after interview,with feedback in words,with feedback in words %,satisfaction answers,cNPS,felt ghosted %',
  );
  expect(overall).toMatch(/^overall,Everyone,,[1-9]\d*,/);

  // The charts' figures as tables, open: at 375 px they scroll in their own region, not the page.
  await page.getByText('The weekly figures as a table').click();
  await page.getByText('The distribution as a table').click();
  await expect(page.getByRole('region', { name: 'Weekly trend' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/staff/score');
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => pageOverflowsSideways(page), `the score page scrolls sideways at ${width} px`).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`score-${width}-top.png`) });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`score-${width}-table.png`) });
  }

  // A client's month, ready to print. Its first page of jobs is one here instead of fifty, taken from
  // the group table filtered to the client in the order the month was asked for, so "Load more" reads
  // the rest (two at a time, as above).
  await page.route('**/api/agency/score/clients/*/monthly?*', async (route) => {
    const response = await route.fetch();
    const month = (await response.json()) as ClientMonthlyScore;
    const firstJob = await page.request.get(
      `/api/agency/score/groups?from=${month.from}&to=${month.to}&grouping=job&client=${month.client.id}` +
        `&sort=${month.jobs.sort}&direction=${month.jobs.direction}&limit=1`,
    );
    await route.fulfill({ response, json: { ...month, jobs: await firstJob.json() } });
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('tab', { name: 'Clients' }).click();
  const clients = page.getByRole('table', { name: /^Clients/ });
  // A client whose month has more than one job, so the report has a second page. Which client comes
  // first in the table depends on the demo's figures, and the score's stored facts are brought up to
  // date in the background after the demo loads: ask until one has two jobs.
  const reportLinks = clients.getByRole('link', { name: /Monthly report/ });
  const monthlyJobTotals = async (): Promise<number[]> => {
    const hrefs = await reportLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href') as string));
    return Promise.all(
      hrefs.map(async (href) => {
        const link = new URL(href, 'http://portal');
        const month = await page.request.get(
          `/api/agency/score/clients/${link.pathname.split('/').at(-2)}/monthly?month=${link.searchParams.get('month')}`,
        );
        return ((await month.json()) as ClientMonthlyScore).jobs.total;
      }),
    );
  };
  await expect
    .poll(async () => Math.max(...(await monthlyJobTotals())), {
      message: 'a client whose month has more than one job',
      timeout: 30_000,
    })
    .toBeGreaterThan(1);
  const withSeveralJobs = (await monthlyJobTotals()).findIndex((total) => total > 1);
  await reportLinks.nth(withSeveralJobs).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Heardback score for');
  const reportJobs = page.locator('#report-jobs');
  const jobsCount = reportJobs.locator('.client-report__count');
  await expect(jobsCount).toContainText(/1 of \d+ jobs shown\. Load more below to print them all\./);
  const reportJobCount = Number((await jobsCount.textContent())?.match(/1 of (\d+) jobs/)?.[1]);
  expect(reportJobCount).toBeGreaterThan(1);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect
      .poll(() => pageOverflowsSideways(page), `the monthly report scrolls sideways at ${width} px`)
      .toBe(false);
    await page.screenshot({ path: testInfo.outputPath(`client-report-${width}-top.png`) });
    await reportJobs.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`client-report-${width}-jobs.png`) });
  }
  // At 375 px: each "Load more" adds the client's next jobs and moves focus to the first new one
  // without scrolling the page sideways.
  const moreJobs = reportJobs.getByRole('button', { name: 'Load more jobs' });
  for (let shown = 1; shown < reportJobCount; shown += 2) {
    await moreJobs.click();
    await expect(reportJobs.locator('tbody tr')).toHaveCount(Math.min(shown + 2, reportJobCount));
    await expect(reportJobs.locator(`tbody tr[data-index="${shown}"]`)).toBeFocused();
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
    await expect.poll(() => pageOverflowsSideways(page)).toBe(false);
  }
  await expect(moreJobs).toBeHidden();
  await expect(jobsCount).toHaveText(`${reportJobCount} jobs`);
  await page.screenshot({ path: testInfo.outputPath('client-report-375-all-jobs.png') });

  // Sorted by the median, slowest first: the jobs' table alone is read again, its order goes into the
  // URL, and a reload (a shared link, the next month) keeps it.
  const medianHeader = reportJobs.getByRole('columnheader', { name: /Median working days/ });
  await medianHeader.getByRole('button').click();
  await expect(medianHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/jobSort=median&jobDirection=desc/);
  await expect(reportJobs.locator('tbody tr')).toHaveCount(Math.min(2, reportJobCount));
  await expectSlowestFirst(reportJobs);
  await expect(medianHeader.getByRole('button')).toBeFocused();
  await expectNoSeriousAxeViolations(page, 'a client’s monthly report');
  await page.reload();
  await expect(medianHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(reportJobs.locator('tbody tr')).toHaveCount(1);
  await moreJobs.click();
  await expect(reportJobs.locator('tbody tr')).toHaveCount(Math.min(3, reportJobCount));
  await expectSlowestFirst(reportJobs);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => pageOverflowsSideways(page)).toBe(false);
    await reportJobs.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`client-report-${width}-jobs-by-median.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Staff' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('client-report-print.png'), fullPage: true });
});
