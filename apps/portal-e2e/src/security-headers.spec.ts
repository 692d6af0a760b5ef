import { expect, test, type Page } from '@playwright/test';
import { DEMO_RECRUITER, DEMO_STAFF, signInAs } from './support/agency-sign-in';
import { registerCandidate } from './support/candidate-journeys';

/**
 * The portal runs under the API's content security policy: every area's main pages load, render
 * and work with no violation reported, styles applied (the stylesheet is not blocked).
 */
async function collectViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI}`),
    );
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])),
  ];
}

async function visit(page: Page, path: string, heading: RegExp): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  // The global stylesheet applied: the page background comes from styles.css, not the browser default.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
}

test.describe('content security policy', () => {
  // Several full page loads per test, on a machine that may be busy.
  test.describe.configure({ timeout: 120_000 });

  test('a visitor and a candidate see every page with no CSP violation', async ({ page }) => {
    const violations = await collectViolations(page);
    await visit(page, '/jobs', /jobs/i);
    await visit(page, '/sign-in', /sign in/i);
    await registerCandidate(page, 'csp');
    await visit(page, '/me', /applications/i);
    await visit(page, '/me/profile', /profile/i);
    expect(await violations()).toEqual([]);
  });

  test('a recruiter and staff see their areas with no CSP violation', async ({ page }) => {
    const violations = await collectViolations(page);
    await signInAs(page, DEMO_RECRUITER);
    await visit(page, '/recruiter', /feedback/i);
    await visit(page, '/recruiter/jobs', /applications by job/i);
    await page.context().clearCookies();
    await signInAs(page, DEMO_STAFF);
    await visit(page, '/staff', /waiting/i);
    await visit(page, '/staff/jobs', /jobs/i);
    await visit(page, '/staff/users', /users/i);
    expect(await violations()).toEqual([]);
  });

  test('pages cannot be framed, index.html is revalidated and hashed assets are cached for good', async ({
    request,
  }) => {
    const index = await request.get('/jobs', { headers: { accept: 'text/html' } });
    const headers = index.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-cache');

    const script = (await index.text()).match(/src="(main-[A-Z0-9]{8}\.js)"/)?.[1];
    expect(script, 'index.html loads a hashed main script').toBeTruthy();
    const asset = await request.get(`/${script}`);
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
