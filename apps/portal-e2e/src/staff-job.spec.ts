import { expect, test } from '@playwright/test';
import type { JobDetail, JobSummary, Page as ResultPage } from '@heardback/contracts';
import { dragBelowMiddleOf } from './support/agency-drag';
import { DEMO_STAFF, screenshotsAtBothWidths, signInAs, uniqueStamp } from './support/agency-sign-in';

test('staff create a client and a job with a three-stage pipeline, publish it, and it is on the public board', async ({
  page,
  browser,
}, testInfo) => {
  // A long journey (a client, a job, its pipeline, screenshots at two widths, the public board).
  test.setTimeout(90_000);
  const stamp = uniqueStamp();
  const clientName = `E2E Client ${stamp}`;
  const title = `E2E Pipeline Engineer ${stamp}`;
  await signInAs(page, DEMO_STAFF);

  // The client.
  await page.goto('/staff/clients');
  await page.getByLabel('New client’s name').fill(clientName);
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByText(`“${clientName}” added.`)).toBeVisible();
  await page.getByLabel('Find a client').fill(stamp);
  await expect(page.getByRole('list', { name: 'Clients' })).toContainText(clientName);

  // The job.
  await page.goto('/staff/jobs');
  await page.getByRole('link', { name: 'New job' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New job');
  const picker = page.getByRole('combobox', { name: 'Client' });
  await picker.fill(clientName);
  await page.getByRole('option', { name: clientName }).click();
  await expect(picker).toHaveValue(clientName);
  await page.getByLabel('Job title').fill(title);
  await page.getByLabel('Location').fill('Leeds');
  await page.getByLabel('Work mode').selectOption({ label: 'Remote' });
  await page.getByLabel('Description').fill('Build the pipeline editor of tomorrow. Created by the e2e tests.');

  // The pipeline editor: rename, remove, add, and reorder with the keyboard.
  const stages = page.getByRole('group', { name: 'Interview stages' });
  await stages.getByLabel('Stage 2').fill('Technical interview');
  await stages.getByRole('button', { name: 'Remove “Final interview”' }).click();
  await stages.getByRole('button', { name: 'Add a stage' }).click();
  await expect(stages.getByLabel('Stage 3')).toBeFocused();
  await page.keyboard.type('Meet the team');
  await stages.getByRole('button', { name: 'Move “Meet the team” up' }).focus();
  await page.keyboard.press('Enter');
  await expect(stages.getByRole('status')).toHaveText('“Meet the team” moved to position 2 of 3.');
  await expect(stages.getByRole('button', { name: 'Move “Meet the team” up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stages.getByLabel('Stage 1')).toHaveValue('Meet the team');
  // And back down by dragging its handle below the next stage.
  await dragBelowMiddleOf(page, stages.locator('.pipeline__handle').first(), stages.locator('.pipeline__stage').nth(1));
  await expect(stages.getByLabel('Stage 1')).toHaveValue('Phone screen');
  await expect(stages.getByLabel('Stage 2')).toHaveValue('Meet the team');
  await expect(stages.getByLabel('Stage 3')).toHaveValue('Technical interview');
  await page.getByLabel('Answer candidates within (working days)').fill('3');
  await screenshotsAtBothWidths(page, testInfo, 'new-job-form');

  await page.getByRole('button', { name: 'Publish as open' }).click();

  await expect(page).toHaveURL(/\/staff\/jobs$/);
  await expect(page.getByText(`“${title}” is open: candidates can find it on the jobs board.`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Jobs' })).toContainText(title);
  await screenshotsAtBothWidths(page, testInfo, 'staff-jobs-after-publish');

  // A visitor finds it on the public board.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/jobs');
  await visitor.getByRole('searchbox', { name: 'Search jobs' }).fill(title);
  const card = visitor.getByRole('article').filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText(clientName);
  await screenshotsAtBothWidths(visitor, testInfo, 'public-board');

  const { items } = (await (
    await visitor.request.get('/api/jobs', { params: { q: title } })
  ).json()) as ResultPage<JobSummary>;
  const job = (await (await visitor.request.get(`/api/jobs/${items[0].id}`)).json()) as JobDetail;
  expect(job.pipeline).toEqual(['Phone screen', 'Meet the team', 'Technical interview']);
  expect(job.answerWithinWorkingDays).toBe(3);
  await visitor.context().close();
});
