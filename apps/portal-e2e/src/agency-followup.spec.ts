import { expect, test } from '@playwright/test';
import type { UserView } from '@heardback/contracts';
import {
  DEMO_RECRUITER,
  DEMO_STAFF,
  apiGet,
  freshApplication,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';

test('a recruiter sends the candidate an update; the candidate reads it and staff see the email sent to them', async ({
  page,
  browser,
}, testInfo) => {
  // Three people and five page loads, with screenshots: a hang guard, not a speed limit.
  test.setTimeout(120_000);
  const { candidatePage, candidateName, application } = await freshApplication(browser, 'followup');
  const candidate = await apiGet<UserView>(candidatePage, '/api/auth/me');
  const words = `The client is still deciding and will answer by Friday (${uniqueStamp()}).`;

  // The recruiter writes from the application page, checking the preview first.
  await signInAs(page, DEMO_RECRUITER);
  const recruiter = await apiGet<UserView>(page, '/api/auth/me');
  await page.goto(`/recruiter/applications/${application.id}#send-update`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidateName);
  const section = page.getByRole('region', { name: 'Send the candidate an update' });
  const field = section.getByLabel(/Your message to/);

  await section.getByRole('button', { name: 'Send the update' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(section.locator('.field__error').last()).toContainText('Write the message');

  await field.fill(words);
  const expected = `Message from ${recruiter.fullName}: ${words}`;
  await expect(section.getByTestId('message-preview')).toHaveText(expected);
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-send-update');
  await section.getByRole('button', { name: 'Send the update' }).click();
  await expect(page.locator('.announcement')).toContainText(`Your message is sent: ${candidateName} can read it now`);
  await expect(field).toHaveValue('');
  await expect(page.locator('.timeline')).toContainText(expected);

  // The candidate reads it on their own application page.
  await candidatePage.goto(`/me/applications/${application.id}`);
  await expect(candidatePage.getByRole('main')).toContainText(expected);
  await screenshotsAtBothWidths(candidatePage, testInfo, 'candidate-reads-update');
  await candidatePage.context().close();

  // Staff open Outgoing mail from the subnav and find the email to that candidate.
  const staffPage = await (await browser.newContext()).newPage();
  await signInAs(staffPage, DEMO_STAFF);
  await staffPage.goto('/staff');
  await staffPage.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Outgoing mail' }).click();
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText('Outgoing mail');
  const mail = staffPage.getByTestId('mail').filter({ hasText: candidate.email }).filter({ hasText: words });
  await expect(mail).toHaveCount(1);
  // The fresh candidate confirmed their address by following the link that finished registering, so
  // nothing holds the email: it goes out with the next run of the outbox (the page shows it once reloaded).
  await expect(async () => {
    await staffPage.reload();
    await expect(mail.locator('.badge')).toHaveText('Sent', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // The body sits behind a disclosure; hidden text still counts for the filter, so open it to read it.
  await mail.getByText('Show the email').click();
  await expect(mail.locator('pre')).toContainText(expected);
  await screenshotsAtBothWidths(staffPage, testInfo, 'staff-outgoing-mail');
  await staffPage.context().close();
});
