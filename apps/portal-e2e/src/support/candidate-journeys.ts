import { type Browser, type Locator, type Page, expect } from '@playwright/test';

/** The demo candidate the e2e server loads, with applications in many states. */
export const DEMO_CANDIDATE = {
  email: 'candidate@heardback.test',
  password: 'heardback-demo',
};

/** An email no earlier run has used, so registering never collides with an old account. */
export function uniqueEmail(label: string): string {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return `${label}-${stamp}@example.com`;
}

export async function signIn(page: Page, { email, password }: { email: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Registers a new candidate on /register and returns their details. */
export async function registerCandidate(page: Page, label: string): Promise<{ email: string; fullName: string }> {
  const candidate = {
    email: uniqueEmail(label),
    fullName: `E2E ${label}`,
  };
  await page.goto('/register');
  await page.getByLabel('Full name').fill(candidate.fullName);
  await page.getByLabel('Email').fill(candidate.email);
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/me$/);
  return candidate;
}

/**
 * On a job page, signed in as a candidate who has answered the job's questions (if any): "Review and
 * apply", read the privacy notice, tick the consent box, "Send application"; ends on the new application.
 */
export async function reviewAndApply(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review and apply' }).click();
  const review = page.getByRole('region', { name: 'Review and apply' });
  await expect(review).toContainText('Sent to Heardback recruiters for');
  await review.getByText(/^Read the privacy notice \(version \d+\)$/).click();
  await expect(review.getByText('How long we keep it')).toBeVisible();
  await review.getByRole('checkbox', { name: /I have read the privacy notice and agree/ }).check();
  await review.getByRole('button', { name: 'Send application' }).click();
  await expect(page).toHaveURL(/\/me\/applications\/[0-9a-f-]{36}$/);
}

/** A new browser context: a second person, with their own cookies. */
export async function anotherPerson(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Presses Tab until the element has focus; fails if it is not reached. */
export async function tabTo(page: Page, target: Locator, { max = 60, backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached with the keyboard within ${max} Tabs`).toBeFocused();
}

export { screenshotsAtBothWidths as screenshotAtBothWidths } from './screenshots';
