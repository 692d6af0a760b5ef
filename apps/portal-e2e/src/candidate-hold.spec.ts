import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { DEMO_CANDIDATE, screenshotAtBothWidths, signIn } from './support/candidate-journeys';

test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });

test('a candidate whose stage is on hold reads a wait, not a pass', async ({ page }, testInfo) => {
  await signIn(page, DEMO_CANDIDATE);
  await page.goto('/me');
  await page.getByRole('link', { name: 'Site Reliability Engineer' }).click();

  const stages = page.locator('li.stage');
  const held = stages.filter({ has: page.getByRole('heading', { name: 'Phone screen' }) });
  await expect(held.locator('.stage__label')).toHaveText('On hold');
  await expect(held).toHaveClass(/stage--waiting/);
  await expect(held.getByText('The client has paused this hire')).toBeVisible();
  await expect(held.getByText('No decision on this stage yet')).toBeVisible();
  // Nothing after an undecided stage is promised as "Next".
  await expect(stages.locator('.stage__label').filter({ hasText: /^Next$/ })).toHaveCount(0);
  await expect(stages.locator('.stage__label').filter({ hasText: 'Done' })).toHaveCount(0);

  await expectNoSeriousAxeViolations(page, 'application on hold');
  await screenshotAtBothWidths(page, testInfo, 'application-on-hold');
});
