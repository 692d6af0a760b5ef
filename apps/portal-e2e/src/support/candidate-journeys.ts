import { type Browser, type Locator, type Page, expect } from '@playwright/test';
import { linkFromEmail } from './mailbox';

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

/** The subject of the email whose link finishes a registration (ADR 0067). */
export const FINISH_REGISTRATION_SUBJECT = 'Finish creating your Heardback account';

/** The password the journeys register with, unless they choose one. */
export const E2E_PASSWORD = 'e2e-password-123';

/**
 * Registering signs no one in: opens, in `page`, the link emailed to `email` on registering, as the
 * candidate would from their inbox, enters the password chosen when registering (the link alone is not
 * enough, ADR 0067) and waits until it has made the account and signed them in on the page they
 * registered from (`landsOn`: their home, /me, unless they registered from elsewhere).
 */
export function followRegistrationLink(
  page: Page,
  email: string,
  landsOn: string | RegExp = /\/me$/,
  password = E2E_PASSWORD,
): Promise<void> {
  const link = {
    subject: FINISH_REGISTRATION_SUBJECT,
    path: '/finish-registration',
    heading: 'Finish creating your account',
  };
  return enterPasswordFromEmailedLink(page, email, link, password, landsOn);
}

/**
 * Opens, in `page`, the link to `path` in the newest email to `email` whose subject is `subject`, as its reader
 * would from their inbox; checks the page's heading, enters `password` and waits until they are signed in on
 * `landsOn`. Finishing a registration and accepting an invitation both end this way.
 */
export async function enterPasswordFromEmailedLink(
  page: Page,
  email: string,
  { subject, path, heading }: { subject: string; path: string; heading: string },
  password: string,
  landsOn: string | RegExp,
): Promise<void> {
  const link = new URL(await linkFromEmail(email, subject, path));
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(landsOn);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Fills the register form (on /register, or `within` a job's "I'm new here" tab) and sends it. */
export async function fillRegisterForm(
  within: Page | Locator,
  { fullName, email, password = E2E_PASSWORD }: { fullName: string; email: string; password?: string },
): Promise<void> {
  await within.getByLabel('Full name').fill(fullName);
  await within.getByLabel('Email').fill(email);
  await within.getByLabel('Password').fill(password);
  await within.getByRole('button', { name: 'Create account' }).click();
}

/** The notice that replaces the register form once it is sent, for any address, new or taken. */
export function checkEmailNotice(within: Page | Locator): Locator {
  return within.getByRole('status').filter({ hasText: 'Check your email' });
}

/**
 * Registers a new candidate on /register, follows the emailed link, and returns their details once
 * they are signed in on their home page.
 */
export async function registerCandidate(page: Page, label: string): Promise<{ email: string; fullName: string }> {
  const candidate = {
    email: uniqueEmail(label),
    fullName: `E2E ${label}`,
  };
  await page.goto('/register');
  await fillRegisterForm(page, candidate);
  await expect(checkEmailNotice(page)).toContainText(`We have sent a link to ${candidate.email}.`);
  await followRegistrationLink(page, candidate.email);
  return candidate;
}

/**
 * On a job page, as a visitor: registers in the "I'm new here" tab and follows the emailed link,
 * which brings the new candidate back to the same job, signed in and ready to apply.
 */
export async function registerOnJobPage(page: Page, details: { fullName: string; email: string }): Promise<void> {
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobPath = new URL(page.url()).pathname;
  const panel = page.getByRole('tabpanel', { name: "I'm new here" });
  await fillRegisterForm(panel, details);
  await expect(checkEmailNotice(panel)).toContainText(`We have sent a link to ${details.email}.`);
  await followRegistrationLink(page, details.email, jobPath);
  await expect(page.getByRole('heading', { name: 'Your application' })).toBeVisible();
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
