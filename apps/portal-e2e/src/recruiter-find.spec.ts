import { type Locator, type Page, expect, test } from '@playwright/test';
import { DEMO_RECRUITER, freshApplication, screenshotsAtBothWidths, signInAs } from './support/agency-sign-in';

/** Oldest first, a new application is last: "Load more" until its row shows (other specs apply too). */
async function loadMoreUntilVisible(page: Page, row: Locator): Promise<void> {
  for (let pages = 0; pages < 20 && !(await row.isVisible()); pages++) {
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(page.getByRole('button', { name: 'Loading more…' })).toHaveCount(0);
  }
}

test('a candidate applies; the recruiter finds them by name, and opens their application', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { candidatePage, candidateName, application } = await freshApplication(browser, 'find');
  await candidatePage.context().close();

  await signInAs(page, DEMO_RECRUITER);
  await page.goto('/recruiter');
  await page.getByRole('navigation', { name: 'Recruiter' }).getByRole('link', { name: 'Find' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find an application');

  // Too little to search: the problem is said under the box, which keeps the focus.
  const box = page.getByLabel('Name, email, job or client');
  await box.fill('E');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('Type at least 2 letters of a name, an email, a job title or a client.')).toBeVisible();
  await expect(box).toBeFocused();

  await box.fill(candidateName.toLowerCase());
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('list', { name: 'Applications found, newest first' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(page.locator('.status-line')).toHaveText('1 application');
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-find-results');

  await results.getByRole('link', { name: candidateName }).click();
  await expect(page).toHaveURL(new RegExp(`/recruiter/applications/${application.id}\\?from=search`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidateName);
  // The back link says where the page was opened from, and returns to the same search.
  await page.getByRole('link', { name: '← Find' }).click();
  await expect(box).toHaveValue(candidateName.toLowerCase());
  await expect(results.getByRole('link', { name: candidateName })).toBeVisible();
  await box.fill('nobody-has-this-name');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('Nothing matches “nobody-has-this-name”.')).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-find-nothing');
});

test('the new applications list shows how long each has waited, and leads to the application', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { candidatePage, candidateName, application } = await freshApplication(browser, 'newlist');
  await candidatePage.context().close();

  await signInAs(page, DEMO_RECRUITER);
  await page.goto('/recruiter');
  await page.getByRole('navigation', { name: 'Recruiter' }).getByRole('link', { name: 'New applications' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New applications');
  // Everyone's, as the job the helper applied to may be anyone's work; newest last, so load until it shows.
  await page.getByLabel('Show').selectOption({ label: 'Every new application' });
  const list = page.getByRole('list', { name: 'New applications, waiting longest first' });
  const row = list.getByRole('listitem').filter({ hasText: candidateName });
  await expect(page.locator('.status-line')).toContainText('waiting to be screened');
  await loadMoreUntilVisible(page, row);
  await expect(row).toContainText(/waiting (less than a working hour|\d+ working hours?)/);
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-new-applications');

  await row.getByRole('link', { name: candidateName }).click();
  await expect(page).toHaveURL(new RegExp(`/recruiter/applications/${application.id}\\?from=new$`));
  await page.getByRole('link', { name: '← New applications' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New applications');
});
