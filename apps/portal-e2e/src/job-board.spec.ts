import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import type { JobSummary, Page as ResultPage } from '@heardback/contracts';
import { allowTimeForAxe } from './support/agency-axe';

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search jobs' });
const resultCount = (page: Page) => page.getByRole('status');
const jobCards = (page: Page) => page.getByRole('article');
const jobTitles = (page: Page) => jobCards(page).getByRole('heading', { level: 2 });

const everyJob = /^\s*\d+\+? jobs?\s*$/;
const matching = (word: string) => new RegExp(`^\\s*\\d+\\+? jobs? match(es)? “${word}”\\s*$`);
const urlWithSearch = (word: string) => new RegExp(`/jobs\\?q=${encodeURIComponent(word)}$`);

/**
 * A word from one of the listed titles that the API finds only in titles, and in fewer jobs than
 * the first view shows. The API also searches descriptions, which the board does not display, so
 * the word is checked against the API before the board is asked to show it.
 */
async function distinctiveTitleWord(request: APIRequestContext, titles: string[]): Promise<string> {
  const inTitles = (word: string) => titles.filter((title) => title.toLowerCase().includes(word.toLowerCase())).length;
  const words = [...new Set(titles.flatMap((title) => title.match(/\p{L}{4,}/gu) ?? []))].sort(
    (a, b) => inTitles(a) - inTitles(b) || b.length - a.length,
  );
  for (const word of words) {
    const response = await request.get('/api/jobs', {
      params: { q: word, limit: 100 },
    });
    expect(response.ok(), `GET /api/jobs?q=${word} answered ${response.status()}`).toBe(true);
    const { items } = (await response.json()) as ResultPage<JobSummary>;
    const onlyInTitles = items.every((job) => job.title.toLowerCase().includes(word.toLowerCase()));
    if (items.length > 0 && items.length < titles.length && onlyInTitles) {
      return word;
    }
  }
  throw new Error(`No word in these titles finds fewer jobs, all with it in the title: ${titles.join('; ')}`);
}

/** Every job shown mentions the word; returns how many are shown. */
async function expectEveryJobToMention(page: Page, word: string): Promise<number> {
  const shown = await jobCards(page).allInnerTexts();
  for (const text of shown) {
    expect(text.toLowerCase()).toContain(word.toLowerCase());
  }
  return shown.length;
}

async function openEveryJob(page: Page): Promise<string[]> {
  await page.goto('/jobs');
  await expect(resultCount(page)).toHaveText(everyJob);
  return jobTitles(page).allTextContents();
}

test.afterEach(async ({ page }, testInfo) => {
  await page.screenshot({
    path: testInfo.outputPath('end.png'),
    fullPage: true,
  });
});

test('the board lists the open jobs, each with its title and client', async ({ page }, testInfo) => {
  await page.goto('/');

  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole('banner')).toContainText('Heardback');
  await expect(page.getByRole('banner')).toContainText('Every candidate hears back.');
  await expect(resultCount(page)).toHaveText(everyJob);
  await expect(jobCards(page).nth(9)).toBeVisible();
  for (const card of await jobCards(page).all()) {
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(/\S/);
    await expect(card.getByTestId('job-client')).toHaveText(/\S/);
  }
  await page.screenshot({
    path: testInfo.outputPath('board-1280.png'),
    fullPage: true,
  });

  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({
    path: testInfo.outputPath('board-360.png'),
    fullPage: true,
  });
});

test('a search narrows the list to jobs with that word, and clearing it brings every job back', async ({
  page,
  request,
}) => {
  const allTitles = await openEveryJob(page);
  const allCount = await resultCount(page).textContent();
  const word = await distinctiveTitleWord(request, allTitles);

  await searchBox(page).fill(word);

  await expect(resultCount(page)).toHaveText(matching(word));
  const shown = await expectEveryJobToMention(page, word);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(allTitles.length);

  await searchBox(page).clear();

  await expect(resultCount(page)).toHaveText(allCount ?? everyJob);
  await expect(jobTitles(page)).toHaveText(allTitles);
  await expect(page).toHaveURL(/\/jobs$/);
});

test('the search is kept in the URL, so a reload or a shared link shows the same results', async ({
  page,
  request,
}) => {
  const word = await distinctiveTitleWord(request, await openEveryJob(page));

  await searchBox(page).fill(word);
  await searchBox(page).press('Enter');

  await expect(page).toHaveURL(urlWithSearch(word));
  await expect(resultCount(page)).toHaveText(matching(word));
  await expectEveryJobToMention(page, word);
  const found = await jobTitles(page).allTextContents();

  await page.reload();

  await expect(searchBox(page)).toHaveValue(word);
  await expect(resultCount(page)).toHaveText(matching(word));
  await expect(jobTitles(page)).toHaveText(found);
  await expectEveryJobToMention(page, word);
});

test('the board has no accessibility violations that axe can detect (WCAG 2.1 AA)', async ({ page }) => {
  await openEveryJob(page);

  const widths = [1280, 360];
  allowTimeForAxe(widths.length);
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations, `at ${width}px wide`).toEqual([]);
  }
});
