import { expect, test } from '@playwright/test';
import type { AgencyJobDetail, ClientView } from '@heardback/contracts';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { DEMO_STAFF, apiPatch, apiPost, signInAs, uniqueStamp } from './support/agency-sign-in';

test('staff open the audit trail and see the change they just made, before and after', async ({ page }, testInfo) => {
  const stamp = uniqueStamp();
  await signInAs(page, DEMO_STAFF);
  const client = await apiPost<ClientView>(page, '/api/clients', { name: `E2E Audit Client ${stamp}` });
  const job = await apiPost<AgencyJobDetail>(page, '/api/jobs', {
    clientId: client.id,
    title: `E2E Audit Analyst ${stamp}`,
    description: 'A draft the audit journey renames.',
    location: 'Leeds',
    workMode: 'remote',
    employmentType: 'full_time',
    pipeline: ['Phone screen', 'Final'],
  });
  const renamed = `E2E Senior Audit Analyst ${stamp}`;
  await apiPatch(page, `/api/jobs/${job.id}`, { title: renamed });

  await page.goto('/staff');
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit trail');
  const newest = page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').first();
  await expect(newest.getByRole('heading')).toHaveText('Sam Staff edited a job');
  await expect(newest.getByRole('link', { name: renamed, exact: true })).toBeVisible();
  await expect(newest.getByRole('definition')).toHaveText(`E2E Audit Analyst ${stamp} changed to →${renamed}`);

  // Only this job's history: its creation and the edit.
  await newest.getByRole('link', { name: `History of ${renamed}` }).click();
  await expect(page).toHaveURL(new RegExp(`entityId=${job.id}`));
  // The list's own status line (the "Who" picker has one of its own for its matches).
  const listStatus = page.getByRole('status').filter({ hasText: /change/ });
  await expect(listStatus).toHaveText('2 changes');
  await page.getByLabel('What').selectOption({ label: 'Created a job' });
  await page.getByRole('button', { name: 'Show changes' }).click();
  await expect(listStatus).toHaveText('1 change');
  // Who made it, found by typing part of their name: the link then names them.
  const who = page.getByRole('combobox', { name: 'Who' });
  await who.fill('Sam Sta');
  await page.getByRole('option', { name: /^Sam Staff staff@heardback\.test/ }).click();
  await expect(who).toHaveValue('Sam Staff');
  await page.getByRole('button', { name: 'Show changes' }).click();
  await expect(page).toHaveURL(/actorId=/);
  await expect(listStatus).toHaveText('1 change');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Who' })).toHaveValue('Sam Staff');
  // The job's client by name: the page asks for the clients its changes name, by id.
  await expect(page.getByRole('list', { name: 'Changes, newest first' })).toContainText(`E2E Audit Client ${stamp}`);
  await expectNoSeriousAxeViolations(page, '/staff/audit');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('button', { name: 'Load more changes' })).toBeVisible();
  // The top of the page, then the list: a full page of fifty changes is too tall to look at.
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`audit-trail-${width}-top.png`) });
    await newest.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`audit-trail-${width}-list.png`) });
  }
  // A page opened before a deployment holds a cursor the API no longer reads: the real API is asked with one
  // it never gave out, and the trail starts again from its newest change, saying so beside the button.
  const changes = page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
  await expect(changes).toHaveCount(50);
  await page.route(
    (url) => url.pathname === '/api/audit-events' && url.searchParams.has('cursor'),
    async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('cursor', 'from-the-release-before');
      await route.continue({ url: url.toString() });
    },
  );
  await page.getByRole('button', { name: 'Load more changes' }).click();
  const startedAgain = page.getByText('The list changed since it was loaded, so it starts again from the top.');
  await expect(startedAgain).toBeVisible();
  await expect(changes).toHaveCount(50);
  // Focus carries on from the newest change of the trail read again, not from the top of the document.
  await expect(changes.first().getByRole('heading')).toBeFocused();
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('button', { name: 'Load more changes' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`audit-trail-${width}-started-again.png`) });
  }
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Load more changes' }).click();
  await expect.poll(() => changes.count()).toBeGreaterThan(50);
  await expect(startedAgain).toHaveCount(0);

  await page.goto('/staff/audit?action=application.feedback_recorded');
  await expect(page.getByRole('heading', { level: 2, name: /recorded feedback/ }).first()).toBeVisible();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page
      .getByRole('heading', { level: 2, name: /recorded feedback/ })
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`audit-trail-${width}-feedback.png`) });
  }
});
