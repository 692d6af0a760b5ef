import { type APIResponse, type Browser, type Page, expect } from '@playwright/test';
import type {
  ApplyRequest,
  PrivacyNoticeView,
  RegisterResult,
  ApplicationView,
  JobDetail,
  JobSummary,
  Page as ResultPage,
  ScheduleStageRequest,
} from '@heardback/contracts';
import { E2E_PASSWORD, enterPasswordFromEmailedLink, followRegistrationLink } from './candidate-journeys';

/** The demo accounts the e2e server loads (apps/api/src/demo). */
export const DEMO_PASSWORD = 'heardback-demo';
export const DEMO_RECRUITER = 'recruiter@heardback.test';
export const DEMO_STAFF = 'staff@heardback.test';

/** Something no earlier run has used, so tests never collide with old data. */
export function uniqueStamp(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The page's XSRF token: the API sets the cookie on its first response (the portal asks who is
 * signed in as it starts; its static files carry no cookie) and wants it echoed back.
 */
export async function xsrfToken(page: Page): Promise<string> {
  if (page.url() === 'about:blank') {
    await page.goto('/jobs');
  }
  // The portal's first API calls (who is signed in, the board) run together, and each may set a
  // fresh token until one has landed: read it once they have all answered, as the portal would at
  // its first write.
  // eslint-disable-next-line playwright/no-networkidle -- waiting for exactly those first calls is the point here
  await page.waitForLoadState('networkidle');
  const find = async () =>
    (await page.context().cookies()).find(
      (candidate) => candidate.name === 'XSRF-TOKEN' || candidate.name === '__Host-XSRF-TOKEN',
    )?.value;
  await expect.poll(find, { message: 'the API sets an XSRF-TOKEN cookie' }).toBeTruthy();
  return (await find()) ?? '';
}

async function expectOk(response: APIResponse, what: string): Promise<void> {
  expect(response.ok(), `${what} answered ${response.status()}: ${await response.text()}`).toBe(true);
}

/** A mutating API call from the page's own context: its cookies, and the XSRF header. */
async function apiWrite<T>(page: Page, method: 'post' | 'patch', path: string, data: unknown): Promise<T> {
  const response = await page.request[method](path, {
    data,
    headers: { 'x-xsrf-token': await xsrfToken(page) },
  });
  await expectOk(response, `${method.toUpperCase()} ${path}`);
  return (await response.json()) as T;
}

export function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  return apiWrite<T>(page, 'post', path, data);
}

export function apiPatch<T>(page: Page, path: string, data: unknown): Promise<T> {
  return apiWrite<T>(page, 'patch', path, data);
}

export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  await expectOk(response, `GET ${path}`);
  return (await response.json()) as T;
}

/**
 * Signs in through the API from the page's context, so the journeys do not depend on the sign-in
 * page. The next navigation loads the portal with the session.
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/jobs');
  await apiPost(page, '/api/auth/login', { email, password });
}

/** What the invitation email says in its subject (notifications/account-messages.ts). */
export const INVITATION_SUBJECT = 'You are invited to Heardback';

/**
 * An invited agency person opens, in `page`, the link staff's invitation emailed to `email` (ADR 0082), as
 * they would from their inbox, chooses `password` and is signed in on their area's home (`landsOn`).
 */
export function acceptInvitation(page: Page, email: string, password: string, landsOn: RegExp): Promise<void> {
  const link = { subject: INVITATION_SUBJECT, path: '/accept-invitation', heading: 'Choose your password' };
  return enterPasswordFromEmailedLink(page, email, link, password, landsOn);
}

/** A candidate to register through the API; the password is the e2e one unless given. */
export interface NewCandidate {
  email: string;
  fullName: string;
  password?: string;
}

/**
 * Registers a new candidate as the product does (ADR 0067): POST /api/auth/register from the page's
 * context, which signs no one in, then the link emailed to the address, opened in the page, which
 * makes the account and signs it in. Ends on the candidate's home, /me, signed in.
 */
export async function registerThroughApi(
  page: Page,
  { email, fullName, password = E2E_PASSWORD }: NewCandidate,
): Promise<void> {
  const answer = await apiPost<RegisterResult>(page, '/api/auth/register', { email, password, fullName });
  expect(answer).toEqual({ email, checkEmail: true });
  await followRegistrationLink(page, email, /\/me$/, password);
}

export interface FreshApplication {
  candidatePage: Page;
  candidateName: string;
  application: ApplicationView;
  job: JobDetail;
}

/**
 * A new candidate, registered through the API in their own browser context, applies to an open
 * job with at least two stages, so nothing depends on the demo data's applications.
 */
export async function freshApplication(browser: Browser, label: string): Promise<FreshApplication> {
  const candidatePage = await (await browser.newContext()).newPage();
  await candidatePage.goto('/jobs');
  const candidateName = `E2E ${label} ${uniqueStamp()}`;
  await registerThroughApi(candidatePage, { email: `${label}-${uniqueStamp()}@example.com`, fullName: candidateName });
  const { application, job } = await applyThroughApi(candidatePage);
  return { candidatePage, candidateName, application, job };
}

/**
 * The signed-in candidate on `page` applies, through the API, to the first open job with two or
 * more stages and no screening questions, consenting under the current privacy notice.
 */
export async function applyThroughApi(
  page: Page,
  /** The rest of the application, such as the CV that goes with it. */
  extra: Partial<ApplyRequest> = {},
): Promise<{ application: ApplicationView; job: JobDetail }> {
  const { items } = await apiGet<ResultPage<JobSummary>>(page, '/api/jobs?limit=100');
  for (const summary of items) {
    const job = await apiGet<JobDetail>(page, `/api/jobs/${summary.id}`);
    // A job with questions would need answers; these helpers only need an application.
    if (job.pipeline.length >= 2 && job.screeningQuestions.length === 0) {
      const notice = await apiGet<PrivacyNoticeView>(page, '/api/privacy-notice');
      const application = await apiPost<ApplicationView>(page, `/api/jobs/${job.id}/applications`, {
        privacyNoticeVersion: notice.version,
        answers: [],
        ...extra,
      });
      return { application, job };
    }
  }
  throw new Error('No open job with two or more stages to apply to');
}

/** Books the application's first stage in the past through the API, so its feedback is due. */
export async function scheduleFirstStageInThePast(
  recruiterPage: Page,
  application: ApplicationView,
): Promise<ApplicationView> {
  const hour = 3_600_000;
  const request: ScheduleStageRequest = {
    startsAt: new Date(Date.now() - 50 * hour).toISOString(),
    endsAt: new Date(Date.now() - 49 * hour).toISOString(),
    location: 'Video call',
    interviewers: ['Riley Recruiter'],
    version: application.version,
  };
  return apiPost<ApplicationView>(
    recruiterPage,
    `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
    request,
  );
}

export { screenshotsAtBothWidths } from './screenshots';
