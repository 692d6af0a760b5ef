import { type Page, expect, test } from '@playwright/test';
import type {
  AgencyJobDetail,
  ClientFeedbackDraftView,
  ClientPage,
  ClientView,
  FeedbackQueuePage,
} from '@heardback/contracts';
import {
  DEMO_RECRUITER,
  DEMO_STAFF,
  apiGet,
  apiPost,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';

test('staff page through the clients with the true total, “Load more”, and a search by name', async ({
  page,
}, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  // More clients than one page holds.
  const marker = `Pagetest${uniqueStamp()}`;
  const before = (await apiGet<ClientPage>(page, '/api/clients?limit=1')).total;
  for (let index = before; index < 52; index++) {
    await apiPost<ClientView>(page, '/api/clients', { name: `E2E ${marker} ${String(index + 1).padStart(2, '0')}` });
  }
  const total = (await apiGet<ClientPage>(page, '/api/clients?limit=1')).total;
  expect(total).toBeGreaterThan(50);

  await page.goto('/staff/clients');
  const clients = page.getByRole('list', { name: 'Clients' });
  await expect(page.getByText(`50 of ${total.toLocaleString('en-GB')} clients`, { exact: true })).toBeVisible();
  await expect(clients.getByRole('listitem')).toHaveCount(50);
  await screenshotsAtBothWidths(page, testInfo, 'staff-clients-first-page');
  await page.getByRole('button', { name: 'Load more clients' }).click();
  await expect(clients.getByRole('listitem')).toHaveCount(Math.min(total, 100));
  // Focus moves to the first new row, so a keyboard user carries on where the list grew.
  await expect(clients.locator('[data-index="50"]')).toBeFocused();
  const shown = Math.min(total, 100);
  await expect(
    page.getByText(shown === total ? `${total} clients` : `100 of ${total.toLocaleString('en-GB')} clients`, {
      exact: true,
    }),
  ).toBeVisible();

  // A search narrows the list to the names that contain the words, in any case.
  const demoClient = 'Bluefin Health';
  await page.getByLabel('Find a client').fill('BLUEFIN');
  await expect(page.getByText('1 client whose name contains “BLUEFIN”', { exact: true })).toBeVisible();
  await expect(clients.getByRole('listitem')).toHaveText([demoClient]);
  await screenshotsAtBothWidths(page, testInfo, 'staff-clients-search');
  await clients.getByRole('link', { name: demoClient }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoClient);
  // The demo's client has its people, to pick interviewers from.
  await expect(page.getByRole('list', { name: 'Contacts' })).toContainText('Priya Raman');
});

test('staff pick a job’s client by typing part of its name, with the keyboard', async ({ page }, testInfo) => {
  await signInAs(page, DEMO_STAFF);
  const stamp = uniqueStamp();
  const name = `Pickme ${stamp} Analytics`;
  const client = await apiPost<ClientView>(page, '/api/clients', { name });
  await apiPost<ClientView>(page, '/api/clients', { name: `Pickme ${stamp} Foods` });

  await page.goto('/staff/jobs/new');
  const picker = page.getByRole('combobox', { name: 'Client' });
  await picker.fill(`pickme ${stamp}`);
  const options = page.getByRole('listbox', { name: 'Clients' }).getByRole('option');
  await expect(options).toHaveText([name, `Pickme ${stamp} Foods`]);
  await expect(page.getByRole('status').filter({ hasText: '2 clients match.' })).toBeAttached();
  await picker.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(picker).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? '');
  await screenshotsAtBothWidths(page, testInfo, 'job-editor-client-picker');
  await picker.press('Enter');
  await expect(picker).toHaveValue(name);
  await expect(picker).toHaveAttribute('aria-expanded', 'false');

  await page.getByLabel('Job title').fill(`E2E Picked ${stamp}`);
  await page.getByLabel('Location').fill('Leeds');
  await page.getByLabel('Description').fill('A job whose client was found by typing. Created by the e2e tests.');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page).toHaveURL(/\/staff\/jobs$/);

  const drafts = await apiGet<{ items: { id: string; title: string }[] }>(
    page,
    '/api/agency/jobs?status=draft&limit=100',
  );
  const saved = drafts.items.find((job) => job.title === `E2E Picked ${stamp}`);
  expect(saved).toBeDefined();
  const job = await apiGet<AgencyJobDetail>(page, `/api/jobs/${saved?.id}`);
  expect(job.clientId).toBe(client.id);

  // Editing it shows the client by name; the picker works the same there.
  await page.goto(`/staff/jobs/${job.id}/edit`);
  await expect(page.getByRole('combobox', { name: 'Client' })).toHaveValue(name);
});

/** The first application in the recruiter's feedback queue with a client's draft not yet published. */
async function applicationWithClientDraft(
  page: Page,
): Promise<{ applicationId: string; draft: ClientFeedbackDraftView } | undefined> {
  const queue = await apiGet<FeedbackQueuePage>(page, '/api/feedback/queue?limit=100');
  for (const applicationId of new Set(queue.items.map((item) => item.applicationId))) {
    const drafts = await apiGet<ClientFeedbackDraftView[]>(
      page,
      `/api/agency/applications/${applicationId}/client-feedback`,
    );
    const waiting = drafts.find((draft) => draft.publishedAt === null);
    if (waiting) return { applicationId, draft: waiting };
  }
  return undefined;
}

test('the demo shows a client’s feedback waiting for the recruiter to publish it', async ({ page }, testInfo) => {
  await signInAs(page, DEMO_RECRUITER);
  const found = await applicationWithClientDraft(page);
  expect(found).toBeDefined();
  const { applicationId, draft: waiting } = found as { applicationId: string; draft: ClientFeedbackDraftView };

  await page.goto(`/recruiter/applications/${applicationId}`);
  const draft = page.getByRole('region', { name: 'Client feedback' }).getByTestId('client-draft');
  await expect(draft).toContainText(waiting.contact.fullName);
  await expect(draft.getByLabel(/will read$/)).toHaveValue(waiting.candidateMessage);
  await expect(draft.getByRole('button', { name: 'Publish to candidate' })).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'demo-client-draft');
});
