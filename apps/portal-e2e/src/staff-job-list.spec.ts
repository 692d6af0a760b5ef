import { expect, test } from '@playwright/test';
import type { AgencyJobPage, ClientView } from '@heardback/contracts';
import {
  DEMO_RECRUITER,
  DEMO_STAFF,
  apiGet,
  apiPost,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';

test('the job list shows a page of jobs with the true total, and “Load more” adds the next', async ({
  page,
}, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  // More drafts than one page holds (drafts never reach the public board, so no other journey sees them).
  const drafts = await apiGet<AgencyJobPage>(page, '/api/agency/jobs?status=draft&limit=1');
  const marker = `Listtest${uniqueStamp()}`;
  const client = await apiPost<ClientView>(page, '/api/clients', { name: `E2E Client ${marker}` });
  for (let index = drafts.total; index < 52; index++) {
    await apiPost(page, '/api/jobs', {
      clientId: client.id,
      title: `${marker} Draft ${String(index + 1).padStart(2, '0')}`,
      description: 'A draft made by the end-to-end tests.',
      location: 'Leeds',
      workMode: 'hybrid',
      employmentType: 'full_time',
      status: 'draft',
      pipeline: ['Phone screen', 'Final interview'],
    });
  }
  const total = (await apiGet<AgencyJobPage>(page, '/api/agency/jobs?status=draft&limit=1')).total;
  expect(total).toBeGreaterThan(50);

  await page.goto('/staff/jobs');
  const jobs = page.getByRole('list', { name: 'Jobs' });
  await expect(page.getByRole('status').filter({ hasText: /open and draft jobs|open or draft job/ })).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'staff-jobs-open-and-draft');

  await page.getByLabel('Show').selectOption({ label: 'Draft jobs' });
  await expect(page.getByText(`50 of ${total.toLocaleString('en-GB')} draft jobs`)).toBeVisible();
  await expect(jobs.getByRole('listitem')).toHaveCount(50);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(jobs.getByRole('listitem')).toHaveCount(Math.min(total, 100));
  // Focus moves to the first new row, so a keyboard user carries on where the list grew.
  await expect(jobs.locator('[data-index="50"]')).toBeFocused();
  await expect(
    page.getByText(total <= 100 ? `${total} draft jobs` : `100 of ${total.toLocaleString('en-GB')} draft jobs`, {
      exact: true,
    }),
  ).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'staff-jobs-drafts-after-load-more');
});

test('staff open a job\'s applications from "Manage jobs" and come back to it', async ({ page }, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  await page.goto('/staff/jobs');
  const jobs = page.getByRole('list', { name: 'Jobs' });
  const first = jobs.getByRole('listitem').first();
  const title = String(await first.getByRole('heading').textContent()).trim();
  await first.getByRole('link', { name: `Applications for ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'staff-job-board-from-manage');
  await page.getByRole('link', { name: '← Manage jobs' }).click();
  await expect(page).toHaveURL(/\/staff\/jobs$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/jobs/i);
});

test('the recruiter job list, the feedback queue and escalations say how many there are in all', async ({
  page,
  browser,
}, testInfo) => {
  await signInAs(page, DEMO_RECRUITER);
  await page.goto('/recruiter/jobs');
  await expect(page.getByRole('list', { name: 'Jobs' })).toBeVisible();
  await expect(page.getByLabel('Show')).toHaveValue('');
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-jobs');

  await page.goto('/recruiter');
  await expect(page.getByText(/interviews? needs? feedback|No feedback is due/).first()).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'feedback-queue');

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, DEMO_STAFF);
  await staff.goto('/staff/escalations');
  await expect(staff.getByText(/overdue feedbacks? escalated|No escalations/).first()).toBeVisible();
  await screenshotsAtBothWidths(staff, testInfo, 'staff-escalations-paged');
  await staff.close();
});
