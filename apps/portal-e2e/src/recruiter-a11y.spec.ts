import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import {
  DEMO_RECRUITER,
  freshApplication,
  scheduleFirstStageInThePast,
  screenshotsAtBothWidths,
  signInAs,
} from './support/agency-sign-in';

test('the recruiter’s queue and record-feedback page have no serious accessibility violations', async ({
  page,
  browser,
}, testInfo) => {
  const { candidatePage, application } = await freshApplication(browser, 'axe');
  await candidatePage.context().close();
  await signInAs(page, DEMO_RECRUITER);
  await scheduleFirstStageInThePast(page, application);

  await page.goto('/recruiter');
  await expect(page.getByRole('status').filter({ hasText: /need feedback|No feedback/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the feedback queue');
  await screenshotsAtBothWidths(page, testInfo, 'feedback-queue');

  await page.goto(`/recruiter/applications/${application.id}#record-feedback`);
  await expect(page.getByRole('button', { name: 'Record feedback' })).toBeVisible();
  await expect(page.locator('#record-feedback')).toBeFocused();
  await expectNoSeriousAxeViolations(page, 'the record-feedback page');

  await page.goto('/recruiter/jobs');
  await expect(page.getByRole('list', { name: 'Jobs' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the jobs list');
  await page.getByRole('list', { name: 'Jobs' }).getByRole('link').first().click();
  await expect(page.locator('.columns')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'a job’s board by stage');
  await screenshotsAtBothWidths(page, testInfo, 'job-board-by-stage');
});
