import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { SCREENSHOT_WIDTHS } from './screenshots';

/**
 * What one axe analysis may add to a test's time. It reads the whole page in the browser: seconds on a
 * quiet machine, and several times that on a loaded one (a CI run once timed out in it at 30 s), so
 * each analysis brings its own budget instead of spending the test's.
 */
const AXE_ANALYSIS_BUDGET_MS = 20_000;

/** Gives the running test the time of `analyses` axe analyses more. */
export function allowTimeForAxe(analyses: number): void {
  test.setTimeout(test.info().timeout + analyses * AXE_ANALYSIS_BUDGET_MS);
}

/** Runs axe (WCAG 2 A and AA) at desktop and phone widths; no serious or critical violation may remain. */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const original = page.viewportSize();
  allowTimeForAxe(SCREENSHOT_WIDTHS.length);
  for (const width of SCREENSHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    expect(serious, `${where} at ${width}px wide`).toEqual([]);
  }
  if (original) {
    await page.setViewportSize(original);
  }
}
