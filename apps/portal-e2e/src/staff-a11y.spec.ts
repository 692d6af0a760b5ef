import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { DEMO_STAFF, screenshotsAtBothWidths, signInAs } from './support/agency-sign-in';

test('staff’s main pages have no serious accessibility violations', async ({ page }, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  const pages = [
    { path: '/staff', ready: page.getByRole('list', { name: 'Open applications, longest silence first' }), name: 'who-is-waiting' },
    { path: '/staff/jobs', ready: page.getByRole('list', { name: 'Jobs' }), name: 'staff-jobs' },
    { path: '/staff/jobs/new', ready: page.getByRole('group', { name: 'Interview stages' }), name: 'new-job' },
    { path: '/staff/clients', ready: page.getByRole('list', { name: 'Clients' }), name: 'clients' },
    { path: '/staff/users', ready: page.getByRole('list', { name: 'Agency accounts' }), name: 'users' },
  ];
  for (const { path, ready, name } of pages) {
    await page.goto(path);
    await expect(ready).toBeVisible();
    await expectNoSeriousAxeViolations(page, path);
    await screenshotsAtBothWidths(page, testInfo, name);
  }
});
