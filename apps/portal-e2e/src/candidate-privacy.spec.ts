import { expect, test } from '@playwright/test';
import {
  DEMO_CANDIDATE,
  anotherPerson,
  registerCandidate,
  screenshotAtBothWidths,
  signIn,
} from './support/candidate-journeys';

// Every test leaves a picture of where it ended, to look at after a run.
test.afterEach(async ({ page }, testInfo) => {
  await page.screenshot({
    path: testInfo.outputPath('end.png'),
    fullPage: true,
  });
});

test('a candidate who opens another candidate’s application URL sees “not found”, not the data', async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, DEMO_CANDIDATE);
  await page.goto('/me');
  const firstApplication = page.getByRole('article').first();
  const theirJob = (await firstApplication.getByRole('heading', { level: 3 }).innerText()).trim();
  const theirUrl = String(await firstApplication.getByRole('link').getAttribute('href'));
  expect(theirUrl).toMatch(/^\/me\/applications\/[0-9a-f-]{36}$/);
  expect(theirJob).not.toBe('');

  const intruder = await anotherPerson(browser);
  await registerCandidate(intruder, 'intruder');
  const answers: number[] = [];
  intruder.on('response', (response) => {
    if (response.url().includes('/api/applications/')) {
      answers.push(response.status());
    }
  });
  await intruder.goto(theirUrl);

  await expect(intruder.getByRole('heading', { level: 1, name: 'Application not found' })).toBeVisible();
  await expect(intruder.getByRole('main')).not.toContainText(theirJob);
  await expect(intruder.getByRole('main')).not.toContainText('Casey Candidate');
  await expect(intruder.locator('.stage')).toHaveCount(0);
  expect(answers).toEqual([404]);
  await screenshotAtBothWidths(intruder, testInfo, 'not-found');
  await intruder.context().close();
});

test('a visitor who opens a candidate page is asked to sign in, then brought back to it', async ({ page }) => {
  await page.goto('/me/profile');

  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fme%2Fprofile$/);
  await page.getByLabel('Email').fill(DEMO_CANDIDATE.email);
  await page.getByLabel('Password').fill(DEMO_CANDIDATE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/me\/profile$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await expect(page.getByRole('main')).toContainText(DEMO_CANDIDATE.email);
});

test('a candidate who opens the recruiters’ area is sent to their own page with a message', async ({
  page,
}, testInfo) => {
  await signIn(page, DEMO_CANDIDATE);

  await page.goto('/recruiter');

  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText('That page is for recruiters. You are signed in as a candidate.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).not.toContainText('Recruiting');
  await page.screenshot({
    path: testInfo.outputPath('wrong-role.png'),
    fullPage: false,
  });
});

test('a wrong password is explained on the sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_CANDIDATE.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toContainText('That email and password do not match an account.');
  await expect(page).toHaveURL(/\/sign-in$/);
});
