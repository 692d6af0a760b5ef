import { expect, test } from '@playwright/test';
import { ApplicationStatus, type CandidateApplicationView } from '@heardback/contracts';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { DEMO_RECRUITER, apiGet, freshApplication, screenshotsAtBothWidths, signInAs } from './support/agency-sign-in';

test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });

/** yyyy-mm-dd, `days` days from today: a start date the form accepts. */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('a recruiter makes an offer with its terms; the candidate reads it and accepts it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const { candidatePage, candidateName, application } = await freshApplication(browser, 'offer');

  // The recruiter writes the terms.
  await signInAs(page, DEMO_RECRUITER);
  await page.goto(`/recruiter/applications/${application.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidateName);
  await page.getByRole('button', { name: 'Make an offer…' }).click();
  await expect(page.getByLabel('Role offered')).toHaveValue(application.job.title);
  await page.getByLabel('Amount').fill('58000');
  await page.getByLabel('Currency').fill('eur');
  await page.getByLabel('Per', { exact: true }).selectOption('year');
  await page.getByLabel('Proposed start date (optional)').fill(daysAhead(30));
  await page
    .getByLabel('Message to the candidate (optional)')
    .fill('Everyone who met you would love to work with you.');
  await screenshotsAtBothWidths(page, testInfo, '1-recruiter-offer-form');
  await page.getByRole('button', { name: 'Make the offer' }).click();

  const summary = page.getByTestId('offer-summary');
  await expect(summary).toContainText('Waiting for the candidate’s answer');
  await expect(summary).toContainText('58,000 EUR a year');
  await screenshotsAtBothWidths(page, testInfo, '2-recruiter-offer-made');

  // The candidate reads it on their application page.
  await candidatePage.goto(`/me/applications/${application.id}`);
  const offer = candidatePage.getByRole('region', { name: 'Your offer' });
  await expect(offer).toContainText(application.job.title);
  await expect(offer).toContainText('58,000 EUR a year');
  await expect(offer).toContainText('Everyone who met you would love to work with you.');
  await expect(offer).toContainText('Please reply by');
  await expectNoSeriousAxeViolations(candidatePage, 'an offer to answer');
  await screenshotsAtBothWidths(candidatePage, testInfo, '3-candidate-offer');

  // Accepting asks once more, then hires them.
  await offer.getByRole('button', { name: 'Accept the offer' }).click();
  await expect(offer.getByText(`Accept the offer for ${application.job.title}?`)).toBeVisible();
  await screenshotsAtBothWidths(candidatePage, testInfo, '4-candidate-confirms');
  await offer.getByRole('button', { name: 'Yes, accept the offer' }).click();
  await expect(offer).toContainText('You accepted this offer on');
  await expect(offer.getByRole('button')).toHaveCount(0);
  await expect(candidatePage.getByRole('region', { name: 'Where you stand' })).toContainText('Hired');
  await expect(candidatePage.getByRole('region', { name: 'What has happened' })).toContainText(
    'You accepted the offer.',
  );
  await screenshotsAtBothWidths(candidatePage, testInfo, '5-candidate-accepted');
  const seen = await apiGet<CandidateApplicationView>(candidatePage, `/api/applications/${application.id}`);
  expect(seen.status).toBe(ApplicationStatus.Hired);

  // The recruiter sees the answer.
  await page.reload();
  await expect(page.getByTestId('offer-summary')).toContainText('Accepted');
  await screenshotsAtBothWidths(page, testInfo, '6-recruiter-sees-accepted');
});
