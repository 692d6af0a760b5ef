import { expect, test } from '@playwright/test';
import type {
  ClientView,
  JobDetail,
  JobSummary,
  NotificationPage,
  Page as ResultPage,
  WaitingPage,
} from '@heardback/contracts';
import { DEMO_STAFF, apiGet, apiPost, screenshotsAtBothWidths, signInAs, uniqueStamp } from './support/agency-sign-in';

/** Issue 14: the details staff notice, and the demo agency's week as a visitor sees it. */

test('who is waiting says in words how late each silence is', async ({ page }, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  // The longest badge a row can show is "Up to date: Heard from us within the last day": the first row of
  // the real answer is given it, so a phone's width is tried with it whatever the demo's silences are now.
  await page.route(
    (url) => url.pathname === '/api/agency/waiting',
    async (route) => {
      const response = await route.fetch();
      const waiting = (await response.json()) as WaitingPage;
      const first = waiting.items.slice(0, 1).map((item) => ({ ...item, daysSilent: 0, longSilence: false }));
      await route.fulfill({ response, json: { ...waiting, items: [...first, ...waiting.items.slice(1)] } });
    },
  );
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is waiting');
  const badges = page.locator('.waiting-row .badge');
  await expect(badges.first()).toBeVisible();
  for (const text of await badges.allInnerTexts()) {
    expect(text).toMatch(/^(Up to date|Quiet|Late|Very late): /);
  }
  await expect(badges.first()).toHaveText('Up to date: Heard from us within the last day');
  // Every row, with the longest badge, fits a small phone: the page never scrolls sideways.
  await page.setViewportSize({ width: 375, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshotsAtBothWidths(page, testInfo, 'staff-waiting');

  await page.goto('/staff/escalations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Escalations');
  await screenshotsAtBothWidths(page, testInfo, 'staff-escalations');
});

test('outgoing mail is found by recipient and kind, and the filters are in a link that can be shared', async ({
  page,
}, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  // The longest status a row can show is a reminder sent inside a digest, which only the sweep's timing
  // makes: the first row of the real answer is given that status, so the phone's width is tried with it.
  const mailList = (url: URL) => url.pathname === '/api/agency/notifications';
  await page.route(mailList, async (route) => {
    const response = await route.fetch();
    const mail = (await response.json()) as NotificationPage;
    const [first, ...rest] = mail.items;
    await route.fulfill({
      response,
      json: {
        ...mail,
        items: [
          { ...first, status: 'digested', givenUpReason: null, heldUntilVerified: false, lastError: null },
          ...rest,
        ],
      },
    });
  });
  await page.goto('/staff/mail');
  await expect(page.getByTestId('mail').first()).toContainText('In a digest (see the digest for its sending)');
  // Every row, with the longest status, fits a small phone: the page never scrolls sideways.
  await page.setViewportSize({ width: 375, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.unroute(mailList);
  await page.getByLabel('Recipient').fill('candidate@heardback');
  await page.getByLabel('Kind').selectOption({ label: 'To a candidate' });
  await page.getByRole('button', { name: 'Show mail' }).click();
  await expect(page).toHaveURL(/\/staff\/mail\?recipient=candidate@heardback&kind=candidate_update$/);
  const mails = page.getByTestId('mail');
  await expect(mails.first()).toBeVisible();
  for (const text of await mails.allInnerTexts()) {
    expect(text).toContain('candidate@heardback.test');
    expect(text).toContain('To a candidate');
  }
  await screenshotsAtBothWidths(page, testInfo, 'staff-mail-filtered');

  // The link alone shows the same mail, with the form filled in.
  await page.goto('/staff/mail?recipient=nobody-at-all&status=failed');
  await expect(page.getByLabel('Recipient')).toHaveValue('nobody-at-all');
  await expect(page.getByLabel('Status')).toHaveValue('failed');
  await expect(page.getByRole('status').filter({ hasText: 'No mail matches these filters' })).toBeVisible();
});

test('a closed job says when it closed, shows its fields read-only and offers nothing to change', async ({
  page,
}, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  const client = await apiPost<ClientView>(page, '/api/clients', { name: `Closed Co ${uniqueStamp()}` });
  const job = await apiPost<JobDetail>(page, '/api/jobs', {
    clientId: client.id,
    title: 'Role that closed',
    description: 'Closed by the e2e tests.',
    location: 'Leeds',
    workMode: 'onsite',
    employmentType: 'full_time',
    status: 'open',
    pipeline: ['Phone screen', 'Final interview'],
  });
  await apiPost(page, `/api/jobs/${job.id}/close`, {
    outcome: 'closed',
    candidateMessage: 'The client has paused hiring for this role.',
  });

  await page.goto(`/staff/jobs/${job.id}/edit`);
  const notice = page.getByTestId('job-closed-notice');
  await expect(notice.getByRole('heading')).toHaveText(/^Closed on /);
  await expect(notice).toContainText('it can no longer be edited');
  await expect(page.getByLabel('Job title')).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Interview stages' }).getByLabel('Stage 1')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add a stage' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Move .* (up|down)|Remove / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await screenshotsAtBothWidths(page, testInfo, 'staff-closed-job');
});

test('the demo board and a demo job read like a real agency’s week', async ({ page }, testInfo) => {
  await page.goto('/jobs');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'demo-board');

  const board = await apiGet<ResultPage<JobSummary>>(page, '/api/jobs?q=TypeScript');
  await page.goto(`/jobs/${board.items[0].id}`);
  await expect(page.getByText('What you will do')).toBeVisible();
  await expect(page.getByText('What we are looking for')).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'demo-job');
});
