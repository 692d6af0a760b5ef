import { expect, test } from '@playwright/test';
import { DEMO_STAFF, screenshotsAtBothWidths, signInAs } from './support/agency-sign-in';
import { registerCandidate } from './support/candidate-journeys';

test('staff see the privacy notice with a preview of an edit, without publishing it', async ({ page }, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  await page.goto('/staff/privacy-notice');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
  const box = page.getByLabel('The notice');
  await expect(box).toHaveValue(/^Who we are/);
  await box.fill('Who we are\nA recruitment agency.\n\nYour rights\nExport, erase, withdraw consent.');
  const preview = page.getByRole('region', { name: 'Preview: what candidates read' });
  await expect(preview).toContainText('Your rights');
  await expect(page.getByRole('button', { name: /^Publish as version \d+$/ })).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'staff-privacy-notice');
});

test('staff add a question for applicants in the job editor', async ({ page }, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  await page.goto('/staff/jobs/new');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await expect(page.getByLabel('Question 1')).toBeFocused();
  await page.getByLabel('Question 1').fill('Which shift suits you?');
  await page.getByLabel('Answered with').selectOption({ label: 'One of a few options' });
  await page.getByLabel('Options, one a line').fill('Early\nLate');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await screenshotsAtBothWidths(page, testInfo, 'job-editor-questions');
  await page.getByRole('button', { name: 'Remove question 2' }).click();
  await expect(page.getByTestId('screening-question')).toHaveCount(1);
});

test('a candidate gives and withdraws the talent-pool consent on their profile', async ({ page }, testInfo) => {
  await registerCandidate(page, 'consents');
  await page.goto('/me/profile');
  const consents = page.getByRole('region', { name: 'Your consents' });
  await expect(consents).toContainText('Off. Recruiters consider you only for the jobs you apply to.');
  await consents.getByRole('button', { name: 'Consider me for other jobs' }).click();
  await expect(consents).toContainText('Recruiters may now consider you for other jobs.');
  await expect(consents).toContainText(/On\. Since .+ \(privacy notice version \d+\)/);
  await screenshotsAtBothWidths(page, testInfo, 'profile-consents');
  await consents.getByRole('button', { name: 'Stop considering me for other jobs' }).click();
  await expect(consents).toContainText('Done: recruiters will consider you only for the jobs you apply to.');
});
