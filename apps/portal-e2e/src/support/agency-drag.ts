import { type Locator, type Page, expect } from '@playwright/test';

/**
 * Drags with the mouse the way a person does, in small steps: the CDK's drag and drop only starts
 * once the pointer has moved a few pixels with the button held.
 */
export async function dragBelowMiddleOf(page: Page, handle: Locator, target: Locator): Promise<void> {
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  expect(from, 'the drag handle is on screen').not.toBeNull();
  expect(to, 'the drop target is on screen').not.toBeNull();
  if (!from || !to) return;
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(x, to.y + to.height * 0.75, { steps: 10 });
  await page.mouse.up();
}
