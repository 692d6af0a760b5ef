import { readFile } from 'node:fs/promises';
import { type Browser, type Page, expect, test } from '@playwright/test';
import {
  CLIENT_REVIEW_PAGE_PATH,
  type ApplicationView,
  type ClientContactView,
  type DocumentView,
  type ScheduleStageRequest,
} from '@heardback/contracts';
import {
  DEMO_RECRUITER,
  DEMO_STAFF,
  apiPost,
  applyThroughApi,
  registerThroughApi,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
  xsrfToken,
} from './support/agency-sign-in';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import { fragmentLinkFromEmail } from './support/mailbox';

/** A minimal PDF: what the API recognises by its first bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const HOUR = 3_600_000;

async function newPerson(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/jobs');
  return page;
}

/** A new candidate who uploads a CV and applies with it, all through the API in their own browser. */
async function candidateWithCv(browser: Browser, stamp: string) {
  const candidatePage = await newPerson(browser);
  const candidateName = `E2E Client-review ${stamp}`;
  await registerThroughApi(candidatePage, {
    email: `client-review-${stamp}@example.com`,
    fullName: candidateName,
  });
  const upload = await candidatePage.request.post('/api/me/documents', {
    headers: { 'x-xsrf-token': await xsrfToken(candidatePage) },
    multipart: { kind: 'cv', file: { name: `cv-${stamp}.pdf`, mimeType: 'application/pdf', buffer: PDF } },
  });
  expect(upload.ok(), `upload answered ${upload.status()}: ${await upload.text()}`).toBe(true);
  const cv = (await upload.json()) as DocumentView;
  const { application, job } = await applyThroughApi(candidatePage, { cvDocumentId: cv.id });
  return { candidatePage, candidateName, application, job, cvName: cv.fileName };
}

test('a client interviewer gives feedback through the emailed link with no account; the recruiter edits and publishes it; the candidate reads it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const stamp = uniqueStamp();
  const { candidatePage, candidateName, application, job, cvName } = await candidateWithCv(browser, stamp);
  const [firstStage] = [...application.stages].sort((a, b) => a.position - b.position);

  // Staff keep the client's contacts; the interviewer is one of them.
  const staffPage = await newPerson(browser);
  await signInAs(staffPage, DEMO_STAFF);
  const contact = await apiPost<ClientContactView>(staffPage, `/api/clients/${job.clientId}/contacts`, {
    fullName: `Jo Hiring ${stamp}`,
    email: `jo-${stamp}@client.example`,
    role: 'Engineering manager',
  });

  // The recruiter books the interview with the contact as its interviewer; it ended two days ago.
  await signInAs(page, DEMO_RECRUITER);
  const schedule: ScheduleStageRequest = {
    startsAt: new Date(Date.now() - 50 * HOUR).toISOString(),
    endsAt: new Date(Date.now() - 49 * HOUR).toISOString(),
    location: 'Video call',
    interviewers: [],
    clientInterviewerIds: [contact.id],
    version: application.version,
  };
  await apiPost<ApplicationView>(
    page,
    `/api/applications/${application.id}/stages/${firstStage.id}/schedule`,
    schedule,
  );
  // The minute's deadline sweep emails the link once the interview has ended; staff run it now.
  await apiPost(staffPage, '/api/agency/deadlines/sweep', {});
  const link = await fragmentLinkFromEmail(contact.email, CLIENT_REVIEW_PAGE_PATH, 90_000);

  // The client opens it in a browser that never saw the site, with no account: the token leaves
  // the address bar at once.
  const client = await (await browser.newContext()).newPage();
  await client.goto(link);
  await expect(client.getByRole('heading', { level: 1 })).toHaveText(`Your feedback on ${candidateName}`);
  expect(new URL(client.url()).hash).toBe('');
  expect(new URL(client.url()).pathname).toBe(CLIENT_REVIEW_PAGE_PATH);
  await expect(client.getByText(`For ${contact.fullName}`)).toBeVisible();
  const facts = client.getByRole('definition');
  await expect(facts.filter({ hasText: `${job.title} at ${job.clientName}` })).toHaveCount(1);
  await expect(facts.filter({ hasText: firstStage.name })).toHaveCount(1);
  // Nothing leads from here into the rest of the site.
  await expect(client.getByRole('navigation')).toHaveCount(0);
  await expect(client.locator('header a')).toHaveCount(0);

  // The CV comes with the same token, saved under its own name.
  const downloading = client.waitForEvent('download');
  await client.getByRole('button', { name: /Download CV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(cvName);
  expect((await readFile(await download.path())).equals(PDF)).toBe(true);

  const clientWords = `Thank you for a thoughtful conversation about queues (${stamp}).`;
  await client.getByRole('radio', { name: /Advance/ }).check();
  await client.getByRole('radio', { name: /^3/ }).check();
  await client.getByLabel('What should the candidate hear?').fill(clientWords);
  await client.getByLabel('Notes for the agency (optional)').fill('E2E: strong on systems, a little quiet.');
  await screenshotsAtBothWidths(client, testInfo, 'client-review-form');
  await expectNoSeriousAxeViolations(client, 'the client review form');
  await client.getByRole('button', { name: 'Send feedback to the agency' }).click();

  const thanks = client.getByTestId('client-review-thanks');
  await expect(thanks.getByRole('heading', { name: `Thank you, ${contact.fullName}` })).toBeFocused();
  await expect(thanks).toContainText('They review it');
  await screenshotsAtBothWidths(client, testInfo, 'client-review-sent');

  // The same link, opened again: it says the feedback is in.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByTestId('client-review-dead')).toContainText(
    'You already sent your feedback on this interview, thank you.',
  );
  await expect(again.locator('form')).toHaveCount(0);
  await screenshotsAtBothWidths(again, testInfo, 'client-review-used');

  // The recruiter reads the draft, edits the candidate's words and publishes them in one click.
  await page.goto(`/recruiter/applications/${application.id}`);
  const panel = page.getByRole('region', { name: 'Client feedback' });
  const draft = panel.getByTestId('client-draft');
  await expect(draft).toContainText(`${contact.fullName}, Engineering manager`);
  await expect(draft).toContainText('Advance · rated 3 of 4 (Good)');
  await expect(draft).toContainText('E2E: strong on systems, a little quiet.');
  await expect(panel.getByTestId('client-review-link')).toContainText('Feedback sent');
  const words = draft.getByLabel(/will read$/);
  await expect(words).toHaveValue(clientWords);
  const published = `${clientWords} We would like you to meet the team next.`;
  await words.fill(published);
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-client-feedback');
  await expectNoSeriousAxeViolations(page, 'the application page with a client draft');
  await draft.getByRole('button', { name: 'Publish to candidate' }).click();

  await expect(page.locator('.announcement')).toContainText('The client’s feedback is published');
  await expect(draft).toContainText(/Published by .+/);
  await expect(draft).toContainText('Published with edited words');
  await expect(page.locator('.stage', { hasText: `1. ${firstStage.name}` })).toContainText('Feedback recorded');
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-client-feedback-published');

  // The candidate reads the words as the recruiter left them, and never the notes for the agency.
  await candidatePage.goto(`/me/applications/${application.id}`);
  await expect(candidatePage.getByRole('blockquote').filter({ hasText: published })).toHaveText(published);
  await expect(candidatePage.getByText('strong on systems')).toHaveCount(0);
});
