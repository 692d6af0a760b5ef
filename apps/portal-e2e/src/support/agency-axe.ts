import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';
import { SCREENSHOT_WIDTHS } from './screenshots';

/** Runs axe (WCAG 2 A and AA) at desktop and phone widths; no serious or critical violation may remain. */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const original = page.viewportSize();
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
