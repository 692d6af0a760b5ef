import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import {
  DEMO_RECRUITER,
  freshApplication,
  scheduleFirstStageInThePast,
  screenshotsAtBothWidths,
  signInAs,
} from './support/agency-sign-in';

test.beforeEach(async ({ page }) => {
  await signInAs(page, DEMO_RECRUITER);
});

test('the recruiter’s feedback queue has no serious accessibility violations', async ({ page }, testInfo) => {
  await page.goto('/recruiter');
  await expect(page.getByRole('list', { name: 'Interviews awaiting feedback' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the feedback queue');
  await screenshotsAtBothWidths(page, testInfo, 'feedback-queue');
});

test('the record-feedback page has no serious accessibility violations, and the queue’s link lands on the form', async ({
  page,
  browser,
}, testInfo) => {
  const { candidatePage, application } = await freshApplication(browser, 'axe');
  await candidatePage.context().close();
  await scheduleFirstStageInThePast(page, application);

  await page.goto(`/recruiter/applications/${application.id}#record-feedback`);
  await expect(page.getByRole('button', { name: 'Check and send…' })).toBeVisible();
  await expect(page.locator('#record-feedback')).toBeFocused();
  await expectNoSeriousAxeViolations(page, 'the record-feedback page');
  await screenshotsAtBothWidths(page, testInfo, 'record-feedback-page');
});

test('the jobs list and a job’s board by stage have no serious accessibility violations', async ({
  page,
}, testInfo) => {
  // Four axe passes (two pages at two widths) and screenshots: more than the default 30 s on a busy 2-core CI.
  test.slow();
  await page.goto('/recruiter/jobs');
  const jobs = page.getByRole('list', { name: 'Jobs' });
  await expect(jobs).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the jobs list');

  // The busiest job is listed first: its board has applications in it.
  await jobs.getByRole('link').first().click();
  await expect(page.locator('.card').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'a job’s board by stage');
  await screenshotsAtBothWidths(page, testInfo, 'job-board-by-stage');
});
