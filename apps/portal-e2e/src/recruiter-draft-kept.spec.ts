import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_RECRUITER,
  freshApplication,
  scheduleFirstStageInThePast,
  screenshotsAtBothWidths,
  signInAs,
} from './support/agency-sign-in';

/** The session cookie, with or without its secure prefix (SESSION_COOKIE in libs/contracts). */
const SESSION_COOKIE = /hb_session$/;

test('a recruiter whose session ended while writing finds the feedback and the message kept after signing in again', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { candidatePage, application } = await freshApplication(browser, 'recruiter-draft');
  await candidatePage.context().close();
  const firstStage = [...application.stages].sort((a, b) => a.position - b.position)[0];
  await signInAs(page, DEMO_RECRUITER);
  await scheduleFirstStageInThePast(page, application);
  const applicationPath = `/recruiter/applications/${application.id}`;
  await page.goto(applicationPath);

  // Half-way through the feedback, the recruiter writes the candidate a quick update...
  const feedbackWords = 'You explained the warehouse routing trade-offs clearly; we would like to go on.';
  const feedback = () => page.getByRole('form', { name: `Record feedback for “${firstStage.name}”` });
  await feedback().getByLabel('Message to the candidate').fill(feedbackWords);
  const updateWords = 'The team meets on Thursday; you will hear from me by Friday noon.';
  const update = () => page.getByLabel(/^Your message to /);
  await update().fill(updateWords);

  // ...while their session ends (the session cookie is gone, as after it expired), and they send it.
  const session = (await page.context().cookies()).find((cookie) => SESSION_COOKIE.test(cookie.name));
  expect(session).toBeDefined();
  await page.context().clearCookies({ name: session?.name });
  await page.getByRole('button', { name: 'Send the update' }).click();

  // Signing in again brings them back to the application, with both texts where they left them.
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=/);
  await page.getByLabel('Email').fill(DEMO_RECRUITER);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(applicationPath);
  await expect(update()).toHaveValue(updateWords);
  await expect(feedback().getByLabel('Message to the candidate')).toHaveValue(feedbackWords);
  await expect(feedback().getByText('We kept what you wrote; check it and send it again.')).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-draft-kept');

  // One click sends the update; the feedback still waits for its own check.
  await page.getByRole('button', { name: 'Send the update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your message is sent' })).toBeVisible();
  const updateRegion = page.getByRole('region', { name: 'Send the candidate an update' });
  await expect(updateRegion.getByText('We kept what you wrote')).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: updateWords }),
  ).toHaveCount(1);
  await expect(feedback().getByLabel('Message to the candidate')).toHaveValue(feedbackWords);
});
