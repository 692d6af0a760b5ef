import { expect, test } from '@playwright/test';
import { ApplicationView, TIMELINE_PAGE_SIZE } from '@heardback/contracts';
import { DEMO_RECRUITER, apiPost, freshApplication, screenshotsAtBothWidths, signInAs } from './support/agency-sign-in';

// More updates than one page of the timeline holds: the first page comes with the application.
const MESSAGES = TIMELINE_PAGE_SIZE + 5;

test('a long history shows its newest updates first, and the rest a page at a time', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const { candidatePage, application } = await freshApplication(browser, 'history');
  const recruiterPage = await (await browser.newContext()).newPage();
  await signInAs(recruiterPage, DEMO_RECRUITER);
  let version = application.version;
  for (let number = 1; number <= MESSAGES; number++) {
    const sent = await apiPost<ApplicationView>(recruiterPage, `/api/applications/${application.id}/messages`, {
      text: `Update number ${number} from your recruiter.`,
      version,
    });
    version = sent.version;
  }

  // The candidate reads the newest page, newest first, and asks for the older updates.
  await candidatePage.goto(`/me/applications/${application.id}`);
  const timeline = candidatePage.getByRole('list', { name: 'Newest first' });
  const entries = timeline.getByRole('listitem');
  await expect(entries).toHaveCount(TIMELINE_PAGE_SIZE);
  await expect(entries.first()).toContainText(`Update number ${MESSAGES} from your recruiter.`);
  await candidatePage.getByRole('button', { name: 'Load more earlier updates' }).click();
  // The first entry just added takes focus; the oldest of all is the application itself.
  await expect(entries.nth(TIMELINE_PAGE_SIZE)).toBeFocused();
  await expect(entries.last()).toContainText('You applied');
  await expect(entries.filter({ hasText: 'Update number 1 from your recruiter.' })).toHaveCount(1);
  await expect(candidatePage.getByRole('button', { name: 'Load more earlier updates' })).toHaveCount(0);
  await screenshotsAtBothWidths(candidatePage, testInfo, 'candidate-long-history');

  // The recruiter's timeline pages the same way, their own history included.
  await recruiterPage.goto(`/recruiter/applications/${application.id}`);
  const agencyEntries = recruiterPage.locator('.timeline__entry');
  await expect(agencyEntries).toHaveCount(TIMELINE_PAGE_SIZE);
  await recruiterPage.getByRole('button', { name: 'Load more earlier timeline entries' }).click();
  await expect(agencyEntries.last()).toContainText('You applied');
  await expect(recruiterPage.getByRole('button', { name: 'Load more earlier timeline entries' })).toHaveCount(0);
  await screenshotsAtBothWidths(recruiterPage, testInfo, 'recruiter-long-history');
});
