import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { DEMO_RECRUITER, apiPatch, screenshotsAtBothWidths, signInAs } from './support/agency-sign-in';

test.beforeEach(async ({ page }) => {
  await signInAs(page, DEMO_RECRUITER);
});

test.afterEach(async ({ page }) => {
  // Back to the default, so other journeys see the demo recruiter as they always have.
  await apiPatch(page, '/api/me/agency-mail', { agencyMail: 'hourly' });
});

test('a recruiter chooses a daily digest on their account page, by keyboard, and it is kept', async ({
  page,
}, testInfo) => {
  await page.goto('/recruiter');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();

  const question = page.getByRole('group', { name: 'Email me about my work' });
  await expect(question.getByRole('radio', { name: /Hourly digest/ })).toBeChecked();
  await expectNoSeriousAxeViolations(page, 'the agency account page');
  await screenshotsAtBothWidths(page, testInfo, 'agency-account');

  await question.getByRole('radio', { name: /Hourly digest/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(question.getByRole('radio', { name: /Daily digest/ })).toBeChecked();
  await page.getByRole('button', { name: 'Save how we email you' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText(
    'Saved. We will gather your reminders into one email at the start of each working day.',
  );

  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Email me about my work' }).getByRole('radio', { name: /Daily digest/ }),
  ).toBeChecked();
  await screenshotsAtBothWidths(page, testInfo, 'agency-account-daily');
});
