import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { allowTimeForAxe } from './support/agency-axe';
import {
  DEMO_CANDIDATE,
  followRegistrationLink,
  registerCandidate,
  signIn,
  tabTo,
  uniqueEmail,
} from './support/candidate-journeys';

// Every test leaves a picture of where it ended, to look at after a run.
test.afterEach(async ({ page }, testInfo) => {
  await page.screenshot({
    path: testInfo.outputPath('end.png'),
    fullPage: true,
  });
});

/** Axe findings that block people: serious and critical ones, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  allowTimeForAxe(1);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')}`));
}

async function expectNoSeriousViolations(page: Page, where: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await seriousViolations(page), `${where} at ${width}px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName.toLowerCase()} “${(element.textContent ?? '').trim()}”` : 'nothing';
  });

test('the board, a job and applying work with the keyboard alone', async ({ page }, testInfo) => {
  // The emailed link goes through the outbox, and axe checks the notice at two widths.
  test.setTimeout(90_000);
  await page.goto('/jobs');
  await expect(page.getByRole('status')).toHaveText(/\d+\+? jobs?/);

  const search = page.getByRole('searchbox', { name: 'Search jobs' });
  await tabTo(page, search);
  await page.keyboard.type('Engineer');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?q=Engineer$/);
  await expect(page.getByRole('status')).toHaveText(/match(es)? “Engineer”/);

  const workMode = page.getByLabel('Work mode');
  await tabTo(page, workMode);
  await page.keyboard.press('ArrowDown'); // Chromium changes a focused select with the arrow keys
  await expect(page).toHaveURL(/workMode=/);
  await expect(page.getByRole('status')).toHaveText(/“Engineer” and your filters/);

  const firstJob = page.getByRole('article').first().getByRole('link');
  const title = (await firstJob.innerText()).trim();
  await tabTo(page, firstJob);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const jobPath = new URL(page.url()).pathname;

  // A visitor applies by registering inline: the tabs, the fields and the button are all reachable.
  const newHere = page.getByRole('tab', { name: "I'm new here" });
  await tabTo(page, newHere);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'I have an account' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(newHere).toBeFocused();
  await expect(newHere).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel', { name: "I'm new here" }).getByLabel('Full name')).toBeFocused();
  await page.keyboard.type('Kim Keyboard');
  await page.keyboard.press('Tab');
  const email = uniqueEmail('keyboard');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('e2e-password-123');
  const create = page.getByRole('button', { name: 'Create account' });
  await tabTo(page, create);
  await page.keyboard.press('Enter');

  // Sent: the keyboard lands on the notice's heading, so a screen reader reads where the link went.
  const sent = page.locator('#apply-register-sent');
  await expect(sent).toHaveText('Check your email');
  await expect(sent).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: "I'm new here" })).toContainText(`We have sent a link to ${email}.`);
  // Its two buttons are next in the tab order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Use another address' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in instead' })).toBeFocused();
  await expectNoSeriousViolations(page, 'the "Check your email" notice on a job');

  // The emailed link brings them back to the job, signed in; review, read the notice, consent and send.
  await followRegistrationLink(page, email, jobPath);
  await expect(page.getByRole('heading', { name: 'Your application' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Review and apply' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Review and apply' })).toBeFocused();
  const noticeToggle = page.getByText(/^Read the privacy notice \(version \d+\)$/);
  await tabTo(page, noticeToggle);
  await page.keyboard.press('Enter');
  await expect(page.getByText('How long we keep it')).toBeVisible();
  const consent = page.getByRole('checkbox', { name: /I have read the privacy notice and agree/ });
  await tabTo(page, consent);
  await page.keyboard.press('Space');
  await expect(consent).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Send application' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/me\/applications\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // On the application: reach Withdraw, open the dialog, move through its buttons, and back out.
  const withdraw = page.getByRole('button', { name: 'Withdraw application' });
  await tabTo(page, withdraw);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Withdraw your application?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Why are you withdrawing?')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Keep my application' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Withdraw application' })).toBeFocused();
  await page.keyboard.press('Tab');
  // Focus stays inside the dialog while it is open.
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('keyboard-dialog.png') });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(withdraw, `focus is on ${await focused(page)}`).toBeFocused();

  await tabTo(page, withdraw);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Trying the keyboard only.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Where you stand' })).toBeFocused();
  await expect(page.locator('.summary')).toContainText('Withdrawn');
  await page.screenshot({
    path: testInfo.outputPath('keyboard-end.png'),
    fullPage: true,
  });
});

test('a signed-in candidate reaches "Review and apply" on a job with the keyboard', async ({ page }) => {
  await registerCandidate(page, 'keyboard-signed-in');
  await page.goto('/jobs');

  const firstJob = page.getByRole('article').first().getByRole('link');
  await tabTo(page, firstJob);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);

  await tabTo(page, page.getByRole('button', { name: 'Review and apply' }));
});

test.describe('axe finds no serious or critical problems', () => {
  // Each page is checked at two widths; axe takes a few seconds a run on a loaded machine.
  test.describe.configure({ timeout: 90_000 });

  test('on the board and a job page', async ({ page }) => {
    await page.goto('/jobs');
    await expect(page.getByRole('status')).toHaveText(/\d+\+? jobs?/);
    await expectNoSeriousViolations(page, '/jobs');

    await page.getByRole('article').first().getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Apply for this job' })).toBeVisible();
    await expectNoSeriousViolations(page, '/jobs/:id (visitor)');
  });

  test('on sign-in, showing its errors', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    await expectNoSeriousViolations(page, '/sign-in with errors');
  });

  test('on /me, an application page and the withdraw dialog', async ({ page }, testInfo) => {
    await signIn(page, DEMO_CANDIDATE);
    await page.goto('/me');
    await expect(page.getByRole('status')).toHaveText(/\d+ applications?/);
    await expectNoSeriousViolations(page, '/me');

    // The application with recorded feedback and a booked next stage: the fullest page.
    await page.getByRole('article').filter({ hasText: 'Interviewing' }).first().getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Interview stages' })).toBeVisible();
    await expect(page.getByText('Done').first()).toBeVisible();
    await expectNoSeriousViolations(page, '/me/applications/:id');

    await page.getByRole('button', { name: 'Withdraw application' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, 'the withdraw dialog');
    await page.keyboard.press('Escape');

    await page.screenshot({
      path: testInfo.outputPath('application-checked.png'),
      fullPage: true,
    });
  });
});
