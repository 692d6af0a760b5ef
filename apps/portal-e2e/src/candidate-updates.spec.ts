import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { registerOnJobPage, reviewAndApply, screenshotAtBothWidths, uniqueEmail } from './support/candidate-journeys';

// The candidate's browser is in London; the inputs are read in that zone.
const TIME_ZONE = 'Europe/London';
test.use({ locale: 'en-GB', timezoneId: TIME_ZONE });

/** yyyy-mm-dd, `days` from now, as a date input in London shows it. */
function londonDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
}

// Every test leaves a picture of where it ended, to look at after a run.
test.afterEach(async ({ page }, testInfo) => {
  await page.screenshot({
    path: testInfo.outputPath('end.png'),
    fullPage: true,
  });
});

test('a new candidate asks for an update, tells about another offer and sets a decision date', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);

  // A fresh candidate applies to an open job, registering on the job page.
  await page.goto('/jobs');
  const firstJob = page.getByRole('article').first().getByRole('link');
  const jobTitle = (await firstJob.innerText()).trim();
  await firstJob.click();
  await registerOnJobPage(page, { fullName: 'Uma Updates', email: uniqueEmail('updates') });
  await reviewAndApply(page);
  await expect(page).toHaveURL(/\/me\/applications\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(jobTitle);

  const tell = page.getByRole('region', { name: 'Tell your recruiter' });
  await expect(tell).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Newest first' });

  // 1. Ask for an update.
  const ask = tell.getByRole('form', { name: 'Ask for an update' });
  await ask.getByLabel('Anything to add? (optional)').fill('I have another interview next week; where do I stand?');
  await ask.getByRole('button', { name: 'Ask for an update' }).click();

  const askStatus = tell.getByRole('status').filter({ hasText: 'Your recruiter will answer by' });
  await expect(askStatus).toHaveText(/^\s*Sent\. Your recruiter will answer by .+\.\s*$/);
  const askButton = tell.getByRole('button', { name: 'Ask for an update' });
  await expect(askButton).toBeDisabled();
  await expect(tell.getByText(/You can ask again from .+\d{4}/)).toBeVisible();
  await expect(askButton).toHaveAccessibleDescription(/^You can ask again from /);
  // The promised answer date stays in "Where you stand" until the recruiter answers.
  await expect(
    page.getByRole('region', { name: 'Where you stand' }).getByText(/^We will answer your question by .+\d{4}/),
  ).toBeVisible();
  await expect(timeline.getByRole('listitem').first()).toContainText(
    'Asked for an update: "I have another interview next week; where do I stand?" Your recruiter will answer by',
  );
  await screenshotAtBothWidths(page, testInfo, '1-asked-for-an-update');

  // 2. Another offer, with the date and time the candidate must answer it by.
  const offer = tell.getByRole('form', {
    name: 'Another offer, your availability, or something else',
  });
  await expect(offer.getByRole('radio', { name: 'Another offer' })).toBeChecked();
  await offer.getByLabel('About the offer').fill('Pine Labs offered me a product role.');
  await offer.getByLabel('Date', { exact: true }).fill(londonDate(5));
  await offer.getByLabel('Time', { exact: true }).fill('17:00');
  await offer.getByRole('button', { name: 'Send to your recruiter' }).click();

  await expect(tell.getByRole('status').filter({ hasText: 'other offer' })).toHaveText(
    /Sent\. Your recruiter knows about your other offer\./,
  );
  const offerEvent = timeline.getByRole('listitem').first();
  await expect(offerEvent).toContainText(
    'Another offer: "Pine Labs offered me a product role." (You need to answer it by',
  );
  await expect(offerEvent).toContainText('17:00');
  await expect(offer.getByLabel('About the offer')).toHaveValue('');
  await screenshotAtBothWidths(page, testInfo, '2-told-about-another-offer');

  // 3. The decision date: "I will move on after …".
  const decision = tell.getByRole('form', { name: 'Your decision date' });
  await decision.getByLabel('Date', { exact: true }).fill(londonDate(10));
  await decision.getByLabel('Time', { exact: true }).fill('18:00');
  await decision.getByRole('button', { name: 'Set decision date' }).click();

  await expect(tell.getByRole('status').filter({ hasText: 'move on after' })).toHaveText(
    /Saved\. Your recruiter knows you will move on after .+18:00.+\./,
  );
  await expect(tell.locator('p', { hasText: /You will move on after .+18:00/ })).toBeVisible();
  await expect(tell.getByRole('button', { name: 'Clear your decision date' })).toBeVisible();
  await expect(tell.getByRole('button', { name: 'Change decision date' })).toBeVisible();
  await expect(timeline.getByRole('listitem').first()).toContainText('You told us you will move on after');
  await screenshotAtBothWidths(page, testInfo, '3-decision-date-set');

  // A reload shows the same: it is the API's state, not the page's.
  await page.reload();
  await expect(tell.locator('p', { hasText: /You will move on after .+18:00/ })).toBeVisible();
  await expect(tell.getByRole('button', { name: 'Ask for an update' })).toBeDisabled();

  await expectNoSeriousAxeViolations(page, 'the application page after telling the recruiter');
});

test('the candidate’s mistakes are shown at the field, and clearing the decision date works with the keyboard', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/jobs');
  await page.getByRole('article').first().getByRole('link').click();
  await registerOnJobPage(page, { fullName: 'Fiona Fields', email: uniqueEmail('fields') });
  await reviewAndApply(page);
  await expect(page).toHaveURL(/\/me\/applications\//);

  const tell = page.getByRole('region', { name: 'Tell your recruiter' });
  const offer = tell.getByRole('form', {
    name: 'Another offer, your availability, or something else',
  });
  await offer.getByRole('radio', { name: 'Your availability' }).check();
  await expect(offer.getByLabel('Date', { exact: true })).toHaveCount(0);
  await offer.getByRole('button', { name: 'Send to your recruiter' }).click();
  const text = offer.getByLabel('When you are available');
  await expect(text).toBeFocused();
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toHaveAccessibleDescription(/Write a few words for your recruiter\./);

  const decision = tell.getByRole('form', { name: 'Your decision date' });
  await decision.getByLabel('Date', { exact: true }).fill(londonDate(-1));
  await decision.getByLabel('Time', { exact: true }).fill('09:00');
  await decision.getByRole('button', { name: 'Set decision date' }).click();
  await expect(decision.getByText('Choose a time in the future.')).toBeVisible();
  await screenshotAtBothWidths(page, testInfo, 'field-problems');

  await decision.getByLabel('Date', { exact: true }).fill(londonDate(3));
  await decision.getByRole('button', { name: 'Set decision date' }).click();
  const clear = tell.getByRole('button', { name: 'Clear your decision date' });
  await expect(clear).toBeVisible();

  await clear.focus();
  await page.keyboard.press('Enter');
  const cleared = tell.getByRole('status').filter({ hasText: 'Cleared.' });
  await expect(cleared).toHaveText(/Cleared\. You have no decision date now\./);
  await expect(cleared).toBeFocused();
  await expect(clear).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Newest first' }).getByRole('listitem').first()).toContainText(
    'You cleared your decision date.',
  );
});
