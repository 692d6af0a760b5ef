import { type Page, type TestInfo, expect, test } from '@playwright/test';
import { MY_APPLICATIONS_MAX_LIMIT, MyApplicationsPage, StageState } from '@heardback/contracts';
import { DEMO_CANDIDATE, signIn } from './support/candidate-journeys';

// The candidate's browser is in New York; the agency is in London.
test.use({ locale: 'en-GB', timezoneId: 'America/New_York' });

async function screenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The booked interview's stage and its "scheduled" entry in the history, as the page writes them. */
async function interviewTimes(page: Page) {
  const stage = page.locator('.stage').filter({ hasText: 'Scheduled' }).first();
  const when = (await stage.locator('.stage__detail').filter({ hasText: 'When:' }).innerText())
    .replace('When:', '')
    .trim();
  const history = await page.getByRole('list', { name: 'Newest first' }).innerText();
  return { when, history };
}

test('a candidate abroad sees an interview at one time, in their zone, in the stages and the history', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_CANDIDATE);
  // The demo candidate's applications fit one page of the largest size.
  const mine = await page.request.get(`/api/me/applications?limit=${MY_APPLICATIONS_MAX_LIMIT}`);
  const booked = ((await mine.json()) as MyApplicationsPage).items.find(
    (application) => application.currentStage?.state === StageState.Scheduled,
  );
  expect(booked, 'the demo candidate has a booked interview').toBeTruthy();

  // No zone chosen: the browser's.
  await page.goto(`/me/applications/${booked?.id}`);
  let { when, history } = await interviewTimes(page);
  expect(when).toMatch(/GMT-5$/);
  expect(history).toContain(`scheduled for ${when}`);
  expect(history).not.toMatch(/GMT(?![-+])/);
  await screenshots(page, testInfo, 'application-new-york');

  // The profile says which zone is in use, and another can be chosen.
  await page.goto('/me/profile');
  const zone = page.getByLabel('Time zone', { exact: true });
  await expect(zone).toHaveValue('America/New_York');
  // Each zone by its city and its offset today (which summer time changes), grouped by region.
  await expect(zone.locator('option:checked')).toHaveText(/^New York — GMT-[45] \(Eastern Time\)$/);
  await expect(zone.locator('optgroup[label="Europe"] > option[value="Europe/London"]')).toHaveText(
    /^London — GMT(\+1)? \(.+\)$/,
  );
  await screenshots(page, testInfo, 'profile');
  try {
    await zone.selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await expect(page.getByText(/^Saved\. Times are now shown in Tokyo — GMT\+9 \(.+\)\.$/)).toBeVisible();

    await page.goto(`/me/applications/${booked?.id}`);
    ({ when, history } = await interviewTimes(page));
    expect(when).toMatch(/GMT\+9$/);
    expect(history).toContain(`scheduled for ${when}`);
  } finally {
    // The demo candidate is shared with the other journeys, which run in London.
    await page.goto('/me/profile');
    await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/London');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await expect(page.getByText(/^Saved\. Times are now shown in London — GMT/)).toBeVisible();
  }
});
