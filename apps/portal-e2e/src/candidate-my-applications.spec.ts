import { type Page, expect, test } from '@playwright/test';
import type { CandidateApplicationView, ClientView, JobDetail, PrivacyNoticeView } from '@heardback/contracts';
import { DEMO_STAFF, apiGet, apiPost, registerThroughApi, signInAs, uniqueStamp } from './support/agency-sign-in';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { screenshotsAtBothWidths } from './support/screenshots';

test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });

async function closeJob(staff: Page, job: JobDetail): Promise<void> {
  await apiPost(staff, `/api/jobs/${job.id}/close`, {
    outcome: 'closed',
    candidateMessage: 'This role was only for the end-to-end tests.',
  });
}

test('a candidate with more applications than a page sees the first page, the totals, and loads the rest', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, DEMO_STAFF);
  const marker = `Pagedapps${uniqueStamp()}`;
  const client = await apiPost<ClientView>(staff, '/api/clients', { name: `E2E Client ${marker}` });
  const jobs: JobDetail[] = [];
  for (let index = 0; index < 22; index++) {
    jobs.push(
      await apiPost<JobDetail>(staff, '/api/jobs', {
        clientId: client.id,
        title: `${marker} Role ${String(index + 1).padStart(2, '0')}`,
        description: 'A role published by the end-to-end tests.',
        location: 'Leeds',
        workMode: 'hybrid',
        employmentType: 'full_time',
        status: 'open',
        pipeline: ['Phone screen', 'Final interview'],
      }),
    );
  }

  // The jobs close whatever happens: left open, they would crowd every other test's board.
  try {
    await page.goto('/jobs');
    await registerThroughApi(page, {
      email: `paged-${uniqueStamp()}@example.com`,
      fullName: `E2E Paged ${marker}`,
    });
    const notice = await apiGet<PrivacyNoticeView>(page, '/api/privacy-notice');
    const applications: CandidateApplicationView[] = [];
    for (const job of jobs) {
      applications.push(
        await apiPost(page, `/api/jobs/${job.id}/applications`, { privacyNoticeVersion: notice.version, answers: [] }),
      );
    }
    // The candidate withdraws the three oldest: closed, they come after every open one.
    for (const application of applications.slice(0, 3)) {
      await apiPost(page, `/api/applications/${application.id}/withdraw`, {
        reason: 'Found something closer to home.',
        version: application.version,
      });
    }

    await page.goto('/me');
    await expect(page.getByRole('status')).toHaveText('22 applications: 19 in progress, 3 closed');
    await expect(page.getByRole('article')).toHaveCount(20);
    // Following the emailed link to finish registering confirmed the address: nothing asks to confirm it.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['In progress (19)', 'Closed (3)']);
    await expect(page.getByText('20 of 22 applications shown')).toBeVisible();
    // Newest first: the last job applied to leads the list.
    await expect(page.getByRole('article').first()).toContainText(`${marker} Role 22`);
    await expectNoSeriousAxeViolations(page, 'my applications, first of two pages');
    await screenshotsAtBothWidths(page, testInfo, 'my-applications-first-page');

    await page.getByRole('button', { name: 'Load more applications' }).click();
    await expect(page.getByRole('article')).toHaveCount(22);
    await expect(page.getByRole('button', { name: 'Load more applications' })).toHaveCount(0);
    const closed = page.getByRole('region', { name: 'Closed (3)' }).getByRole('article');
    await expect(closed).toHaveCount(3);
    await expect(closed.first()).toContainText('Withdrawn');
    // Focus moves to the first card the new page added, so a keyboard user carries on from there.
    await expect(page.getByRole('article').nth(20).getByRole('link')).toBeFocused();
    await screenshotsAtBothWidths(page, testInfo, 'my-applications-all-loaded');
  } finally {
    for (const job of jobs) await closeJob(staff, job);
    await staff.context().close();
  }
});
