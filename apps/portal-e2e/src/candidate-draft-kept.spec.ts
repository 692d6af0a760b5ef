import { expect, test } from '@playwright/test';
import {
  checkEmailNotice,
  fillRegisterForm,
  followRegistrationLink,
  reviewAndApply,
  screenshotAtBothWidths,
  uniqueEmail,
} from './support/candidate-journeys';

test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });

/** The session cookie, with or without its secure prefix (SESSION_COOKIE in libs/contracts). */
const SESSION_COOKIE = /hb_session$/;

test('a candidate whose session ended while writing finds their words kept after signing in, and sends them', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('draft-kept');
  const password = 'e2e-password-123';

  // A new candidate registers on an open job's page and opens the emailed link from their inbox in a new
  // tab, as a mail client would: it signs them in there and brings them back to the job.
  const registeredIn = await page.context().newPage();
  await registeredIn.goto('/jobs');
  await registeredIn.getByRole('article').first().getByRole('link').click();
  await expect(registeredIn).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobPath = new URL(registeredIn.url()).pathname;
  const panel = registeredIn.getByRole('tabpanel', { name: "I'm new here" });
  await fillRegisterForm(panel, { fullName: 'Dina Draft', email, password });
  await expect(checkEmailNotice(panel)).toContainText(`We have sent a link to ${email}.`);
  await followRegistrationLink(page, email, jobPath);
  // The first tab still says to check the email; reloaded, it shows the same browser signed in.
  await expect(checkEmailNotice(registeredIn)).toBeVisible();
  await registeredIn.reload();
  await expect(registeredIn.getByRole('heading', { name: 'Your application' })).toBeVisible();
  await registeredIn.close();

  // They apply in the new tab and land on their application.
  await reviewAndApply(page);
  await expect(page).toHaveURL(/\/me\/applications\/[0-9a-f-]{36}$/);
  const applicationPath = new URL(page.url()).pathname;

  // They write to their recruiter about their availability...
  const words = 'I am on holiday from 20 to 27 December, and free any weekday after that.';
  const tell = () =>
    page.getByRole('region', { name: 'Tell your recruiter' }).getByRole('form', {
      name: 'Another offer, your availability, or something else',
    });
  await tell().getByRole('radio', { name: 'Your availability' }).check();
  await tell().getByLabel('When you are available').fill(words);

  // ...while their session ends (here: the session cookie is gone, as after it expired).
  const session = (await page.context().cookies()).find((cookie) => SESSION_COOKIE.test(cookie.name));
  expect(session).toBeDefined();
  await page.context().clearCookies({ name: session?.name });
  await tell().getByRole('button', { name: 'Send to your recruiter' }).click();

  // They are asked to sign in again, and come back to the same page.
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=/);
  await expect(page.getByText('Your session has ended. Sign in again to carry on.')).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(applicationPath);

  // What they wrote, and what it was about, are back, and the form says so.
  await expect(tell().getByRole('status').filter({ hasText: 'We kept what you wrote' })).toHaveText(
    'We kept what you wrote; check it and send it again.',
  );
  await expect(tell().getByRole('radio', { name: 'Your availability' })).toBeChecked();
  await expect(tell().getByLabel('When you are available')).toHaveValue(words);
  await screenshotAtBothWidths(page, testInfo, 'draft-kept');

  // One click sends it.
  await tell().getByRole('button', { name: 'Send to your recruiter' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Sent. Your recruiter knows when you are available.' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Newest first' }).getByRole('listitem').first()).toContainText(words);

  // A kept draft is given back once: reloading shows an empty form.
  await page.reload();
  await expect(tell().getByLabel('When you are available')).toHaveCount(0);
  await expect(tell().getByLabel('About the offer')).toHaveValue('');
  await expect(tell().getByText('We kept what you wrote')).toHaveCount(0);
});
