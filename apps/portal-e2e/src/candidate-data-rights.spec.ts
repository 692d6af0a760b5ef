import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { DEMO_STAFF, applyThroughApi, signInAs } from './support/agency-sign-in';
import { registerCandidate, screenshotAtBothWidths } from './support/candidate-journeys';

// Every test leaves a picture of where it ended, to look at after a run.
test.afterEach(async ({ page }, testInfo) => {
  await page.screenshot({ path: testInfo.outputPath('end.png'), fullPage: true });
});

test('a candidate downloads their data, then deletes their account and can no longer sign in', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const candidate = await registerCandidate(page, 'data-rights');
  const { job } = await applyThroughApi(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your data' }).click();
  await expect(page).toHaveURL(/\/me\/data$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data');
  await screenshotAtBothWidths(page, testInfo, 'your-data');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your data' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('heardback-export.zip');
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(files).sort()).toEqual(['documents/', 'heardback-export.json']);
  const exported = JSON.parse(new TextDecoder().decode(files['heardback-export.json']));
  expect(exported.profile).toMatchObject({ email: candidate.email, fullName: candidate.fullName });
  expect(exported.applications.map((application: { job: { title: string } }) => application.job.title)).toEqual([
    job.title,
  ]);

  await page.getByRole('button', { name: 'Delete my account…' }).click();
  await expect(page.getByRole('heading', { name: 'Are you sure? This cannot be undone.' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page.getByText('Type your password to confirm it is you.')).toBeVisible();
  await screenshotAtBothWidths(page, testInfo, 'delete-confirmation');

  await page.getByLabel('Your password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account is deleted');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await screenshotAtBothWidths(page, testInfo, 'account-deleted');

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(candidate.email);
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('That email and password do not match an account.');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('staff set how long closed applications are kept', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInAs(page, DEMO_STAFF);
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Data retention' }).click();
  await expect(page).toHaveURL(/\/staff\/data-retention$/);
  const months = page.getByLabel('Erase closed applications after (months)');
  await expect(months).toHaveValue('12');
  await screenshotAtBothWidths(page, testInfo, 'data-retention');

  await months.fill('0');
  await page.getByRole('button', { name: 'Save retention period' }).click();
  await expect(page.getByText('Enter a whole number of months from 1 to 120.')).toBeVisible();
  await expect(months).toBeFocused();

  await months.fill('18');
  await page.getByRole('button', { name: 'Save retention period' }).click();
  await expect(page.getByRole('status')).toContainText('Closed applications are now erased after 18 months.');
  await screenshotAtBothWidths(page, testInfo, 'data-retention-saved');
  await page.reload();
  await expect(page.getByLabel('Erase closed applications after (months)')).toHaveValue('18');
});
