import { type Page, type TestInfo } from '@playwright/test';

/** The widths every page is looked at: a laptop and a small phone. */
export const SCREENSHOT_WIDTHS = [1280, 375] as const;

/** Full-page screenshots at desktop and phone widths, saved with the test's output. */
export async function screenshotsAtBothWidths(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const width of SCREENSHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  if (original) {
    await page.setViewportSize(original);
  }
}
