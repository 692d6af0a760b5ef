import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import {
  DEMO_STAFF,
  apiPost,
  applyThroughApi,
  registerThroughApi,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';
import { screenshotsAtBothWidths } from './support/screenshots';

test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });
// Two emails (the link that finishes registering, then closing) through the outbox, and axe at two widths on two pages.
test.setTimeout(120_000);

/**
 * The one-click answer `score` in the newest email to `address` with `subject`: the page's path and
 * fragment (the token rides there), to open on the portal under test.
 */
async function howWeDidLink(address: string, subject: string, score: number, timeoutMs = 60_000): Promise<string> {
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: see playwright.config.mts');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
    for (const file of files.reverse()) {
      const text = (await readFile(join(dir, file), 'utf8'))
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (!text.toLowerCase().includes(`to: ${address.toLowerCase()}`) || !text.includes(`Subject: ${subject}`))
        continue;
      const link = new RegExp(`^${score}: (https?://\\S+/how-did-we-do#t=[\\w-]+&recommend=${score})\\r?$`, 'm').exec(
        text,
      );
      if (link) return new URL(link[1]).pathname + new URL(link[1]).hash;
    }
    if (Date.now() > deadline) throw new Error(`No "${subject}" email with a "${score}" link to ${address} in ${dir}`);
    await new Promise((next) => setTimeout(next, 500));
  }
}

test('a candidate clicks "8" in the closing email, adds words, and sees their answer on the application', async ({
  browser,
}, testInfo) => {
  // A new candidate applies to an open job. Mail to an unconfirmed address waits; following the link that
  // finishes registering confirms it.
  const candidate = await (await browser.newContext()).newPage();
  await candidate.goto('/jobs');
  const email = `satisfaction-${uniqueStamp()}@example.com`;
  await registerThroughApi(candidate, {
    email,
    fullName: `E2E Satisfaction ${uniqueStamp()}`,
  });
  const { application, job } = await applyThroughApi(candidate);

  // The agency closes it with words for the candidate: the closing email asks how we did.
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, DEMO_STAFF);
  await apiPost(staff, `/api/applications/${application.id}/reject`, {
    candidateMessage: 'The client chose someone with more on-call experience.',
    version: application.version,
  });
  const link = await howWeDidLink(email, 'A decision on your application', 8);

  // Opened from the email in a browser with no session: the click is saved, the token leaves the address bar.
  const fromEmail = await (await browser.newContext()).newPage();
  await fromEmail.goto(link);
  await expect(fromEmail.getByText('Thank you: your answer is saved.')).toBeVisible();
  await expect(fromEmail).toHaveURL(/\/how-did-we-do$/);
  await expect(fromEmail.getByText(`Your application for ${job.title}`)).toBeVisible();
  const scale = fromEmail.getByRole('radiogroup', { name: 'How likely are you to recommend us?' });
  await expect(scale.getByRole('radio')).toHaveCount(11);
  await expect(scale.getByRole('radio', { name: '8', exact: true })).toBeChecked();
  await expect(scale.getByRole('radio', { name: '0 — not at all likely' })).not.toBeChecked();
  await expect(scale.getByRole('radio', { name: '10 — extremely likely' })).toBeVisible();
  await expectNoSeriousAxeViolations(fromEmail, 'how did we do, after the click');
  await screenshotsAtBothWidths(fromEmail, testInfo, 'how-did-we-do-clicked');

  await fromEmail
    .getByRole('radiogroup', { name: 'Did you feel kept informed?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await fromEmail
    .getByLabel('Anything you would like to add? (optional)')
    .fill('Every date I was given was kept. Thank you.');
  await fromEmail.getByRole('button', { name: 'Send' }).click();
  await expect(fromEmail.getByText('Thank you. Your answer helps us keep every candidate informed.')).toBeVisible();
  await screenshotsAtBothWidths(fromEmail, testInfo, 'how-did-we-do-thanks');

  // Signed in, the closed application shows the answer, no longer the questions.
  await candidate.goto(`/me/applications/${application.id}`);
  const section = candidate.getByRole('region', { name: 'How did we do?' });
  await expect(section).toContainText('How likely are you to recommend us? 8 out of 10');
  await expect(section).toContainText('Did you feel kept informed? Yes');
  await expect(section).toContainText('“Every date I was given was kept. Thank you.”');
  await expect(section.getByRole('radio')).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Change my answer' })).toBeVisible();
  await expectNoSeriousAxeViolations(candidate, 'closed application with its answer');
  await screenshotsAtBothWidths(candidate, testInfo, 'application-how-did-we-do-answered');
});

test('a candidate answers on their closed application page, with the keyboard', async ({ browser }, testInfo) => {
  const candidate = await (await browser.newContext()).newPage();
  await candidate.goto('/jobs');
  await registerThroughApi(candidate, {
    email: `satisfaction-page-${uniqueStamp()}@example.com`,
    fullName: `E2E Satisfaction Page ${uniqueStamp()}`,
  });
  const { application } = await applyThroughApi(candidate);
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, DEMO_STAFF);
  await apiPost(staff, `/api/applications/${application.id}/reject`, {
    candidateMessage: 'The role went to someone already in the team.',
    version: application.version,
  });

  await candidate.goto(`/me/applications/${application.id}`);
  const section = candidate.getByRole('region', { name: 'How did we do?' });
  const scale = section.getByRole('radiogroup', { name: 'How likely are you to recommend us?' });
  await expect(scale.getByRole('radio')).toHaveCount(11);
  await screenshotsAtBothWidths(candidate, testInfo, 'application-how-did-we-do-asked');

  // Arrow keys move within the scale, as in any radio group.
  await scale.getByRole('radio', { name: '0 — not at all likely' }).focus();
  await candidate.keyboard.press('Space');
  await candidate.keyboard.press('ArrowRight');
  await candidate.keyboard.press('ArrowRight');
  await expect(scale.getByRole('radio', { name: '2', exact: true })).toBeChecked();
  await section.getByRole('radio', { name: 'No', exact: true }).check();
  await section.getByRole('button', { name: 'Send' }).click();

  await expect(section).toContainText('Thank you. Your answer helps us keep every candidate informed.');
  await expect(section).toContainText('How likely are you to recommend us? 2 out of 10');
  await expect(section).toContainText('Did you feel kept informed? No');
});
