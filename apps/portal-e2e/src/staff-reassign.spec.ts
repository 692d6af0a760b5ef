import { expect, test } from '@playwright/test';
import type { AgencyUserView, ApplicationView, ScheduleStageRequest } from '@heardback/contracts';
import {
  DEMO_STAFF,
  acceptInvitation,
  apiPost,
  freshApplication,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';

const DAY = 24 * 3_600_000;

test('staff reassign an escalated stage from the escalations page, and the new recruiter finds it in their queue as theirs', async ({
  page,
  browser,
}, testInfo) => {
  const { candidateName, application } = await freshApplication(browser, 'reassign');
  await signInAs(page, DEMO_STAFF);

  // An interview two weeks ago with no feedback: well past the working day after which staff are told.
  const schedule: ScheduleStageRequest = {
    startsAt: new Date(Date.now() - 14 * DAY).toISOString(),
    endsAt: new Date(Date.now() - 14 * DAY + 3_600_000).toISOString(),
    location: 'Video call',
    interviewers: ['Hiring manager'],
    version: application.version,
  };
  await apiPost<ApplicationView>(
    page,
    `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
    schedule,
  );
  const newName = `Nora New ${uniqueStamp()}`;
  const newEmail = `nora-${uniqueStamp()}@heardback.test`;
  const password = 'quiet harbour lantern morning';
  await apiPost<AgencyUserView>(page, '/api/users', { fullName: newName, email: newEmail, role: 'recruiter' });
  await apiPost(page, '/api/agency/deadlines/sweep', {});

  await page.goto('/staff/escalations');
  const row = page.getByRole('listitem').filter({ hasText: candidateName });
  await expect(row).toBeVisible();
  // The picker searches the agency's accounts as one types: the new recruiter is found by name.
  const picker = row.getByRole('combobox', { name: 'Reassign to' });
  await picker.fill(newName);
  await row.getByRole('option', { name: newName }).click();
  await expect(picker).toHaveValue(newName);
  await row.getByRole('button', { name: /^Reassign/ }).click();
  // The row now names whom to chase: the new owner.
  await expect(row).toContainText(`Chase: ${newName} (their work)`);
  await screenshotsAtBothWidths(page, testInfo, 'escalations-after-reassign');

  // The new recruiter chooses their password from the invitation's link (ADR 0082), which signs them in.
  const recruiterPage = await (await browser.newContext()).newPage();
  await acceptInvitation(recruiterPage, newEmail, password, /\/recruiter/);
  await recruiterPage.getByRole('radio', { name: /Only yours/ }).check();
  const card = recruiterPage.getByRole('article', { name: candidateName });
  await expect(card).toBeVisible();
  await expect(card.getByText('Yours', { exact: true })).toBeVisible();
  await screenshotsAtBothWidths(recruiterPage, testInfo, 'feedback-queue-yours');
});
