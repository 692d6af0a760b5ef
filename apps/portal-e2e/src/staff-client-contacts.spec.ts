import { expect, test } from '@playwright/test';
import type { ApplicationView, ClientView, JobDetail, PrivacyNoticeView } from '@heardback/contracts';
import {
  DEMO_RECRUITER,
  DEMO_STAFF,
  apiGet,
  apiPost,
  registerThroughApi,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';
import { expectNoSeriousAxeViolations } from './support/agency-axe';

/** yyyy-mm-dd of a day some days ahead, as a date input wants it. */
function daysAhead(days: number): string {
  const day = new Date(Date.now() + days * 24 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Issue 13 (1): staff keep a client's contacts; a recruiter picks one as an interviewer. */
test('staff add a client contact, and a recruiter picks them as the interviewer of a stage', async ({
  page,
  browser,
}, testInfo) => {
  // Two agency people, a candidate, screenshots and an accessibility check at two widths.
  test.setTimeout(120_000);
  const stamp = uniqueStamp();
  const clientName = `Contacts Co ${stamp}`;
  const contactName = `Grace Hopper ${stamp}`;

  // A client with an open job, and a candidate who applied to it.
  await signInAs(page, DEMO_STAFF);
  const client = await apiPost<ClientView>(page, '/api/clients', { name: clientName });
  const job = await apiPost<JobDetail>(page, '/api/jobs', {
    clientId: client.id,
    title: 'Compiler Engineer',
    description: 'Builds the tools the client’s engineers use.',
    location: 'Leeds',
    workMode: 'hybrid',
    employmentType: 'full_time',
    status: 'open',
    pipeline: ['Technical interview', 'Final interview'],
  });
  const candidatePage = await (await browser.newContext()).newPage();
  await candidatePage.goto('/jobs');
  await registerThroughApi(candidatePage, {
    email: `contacts-${stamp}@example.com`,
    fullName: `E2E Contacts ${stamp}`,
  });
  const notice = await apiGet<PrivacyNoticeView>(candidatePage, '/api/privacy-notice');
  const application = await apiPost<ApplicationView>(candidatePage, `/api/jobs/${job.id}/applications`, {
    privacyNoticeVersion: notice.version,
    answers: [],
  });

  // Staff open the client from the list of clients and add a contact.
  await page.goto('/staff/clients');
  await page.getByLabel('Find a client').fill(clientName);
  await page.getByRole('link', { name: clientName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(clientName);
  const add = page.getByRole('form', { name: 'Add a contact' });
  await add.getByLabel('Name').fill(contactName);
  await add.getByLabel('Email').fill(`grace-${stamp}@client.example`);
  await add.getByLabel('Role (optional)').fill('CTO');
  await add.getByRole('button', { name: 'Add contact' }).click();
  const contacts = page.getByRole('list', { name: 'Contacts' });
  await expect(contacts).toContainText(contactName);
  await expect(contacts).toContainText(`grace-${stamp}@client.example`);
  await expect(page.getByRole('status').filter({ hasText: `${contactName} added.` })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Publish client feedback without review' })).not.toBeChecked();
  await screenshotsAtBothWidths(page, testInfo, 'staff-client-page');
  await expectNoSeriousAxeViolations(page, 'the client page');

  // Archiving asks first.
  await contacts.getByRole('button', { name: `Archive ${contactName}` }).click();
  await expect(contacts.getByRole('group', { name: `Archive ${contactName}?` })).toContainText(
    'They will no longer be offered as an interviewer.',
  );
  await contacts.getByRole('button', { name: 'Keep', exact: true }).click();
  await expect(contacts.getByRole('button', { name: `Archive ${contactName}` })).toBeFocused();

  // A recruiter schedules the first stage with that contact picked, beside a name typed.
  const recruiterPage = await (await browser.newContext()).newPage();
  await signInAs(recruiterPage, DEMO_RECRUITER);
  await recruiterPage.goto(`/recruiter/applications/${application.id}`);
  const schedule = recruiterPage.getByRole('form', { name: 'Schedule “Technical interview”' });
  const picks = schedule.getByRole('group', { name: `Interviewers from ${clientName}` });
  await picks.getByRole('checkbox', { name: `${contactName}, CTO` }).check();
  await schedule.getByLabel('Date').fill(daysAhead(3));
  await schedule.getByLabel('Starts at').fill('10:00');
  await schedule.getByLabel('Ends at').fill('11:00');
  await schedule.getByLabel('Place or video link').fill('https://meet.example.com/contacts-e2e');
  await schedule.getByLabel('Other interviewers (optional)').fill('Riley Recruiter');
  await screenshotsAtBothWidths(recruiterPage, testInfo, 'recruiter-schedule-with-contacts');
  await schedule.getByRole('button', { name: 'Schedule interview' }).click();

  const stage = recruiterPage.locator('.stage', { hasText: '1. Technical interview' });
  await expect(stage).toContainText(`Interviewers: Riley Recruiter, ${contactName} (client, CTO)`);
  // The form for a reschedule starts from the contact picked.
  await expect(
    recruiterPage
      .getByRole('form', { name: 'Reschedule “Technical interview”' })
      .getByRole('checkbox', { name: `${contactName}, CTO` }),
  ).toBeChecked();

  // The candidate is never told who from the client interviews them.
  await candidatePage.goto(`/me/applications/${application.id}`);
  await expect(candidatePage.getByRole('heading', { level: 1 })).toContainText('Compiler Engineer');
  await expect(candidatePage.getByText('Technical interview').first()).toBeVisible();
  await expect(candidatePage.locator('body')).not.toContainText(contactName);
});
