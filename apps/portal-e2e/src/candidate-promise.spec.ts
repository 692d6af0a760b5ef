import { type Page, expect, test } from '@playwright/test';
import {
  type ApplicationView,
  type CandidateApplicationView,
  CandidateUpdateKind,
  FeedbackDecision,
  PromiseKind,
  type RecordFeedbackRequest,
} from '@heardback/contracts';
import { expectNoSeriousAxeViolations } from './support/agency-axe';
import {
  DEMO_RECRUITER,
  apiGet,
  apiPost,
  freshApplication,
  scheduleFirstStageInThePast,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';
import { DEMO_CANDIDATE, signIn } from './support/candidate-journeys';

const TIME_ZONE = 'Europe/London';
test.use({ locale: 'en-GB', timezoneId: TIME_ZONE });

/** What "Where you stand" says for each kind of promise, before its date. */
const PROMISE_WORDS: Record<PromiseKind, RegExp> = {
  [PromiseKind.Screening]: /^We will tell you whether you move forward by .+\d{4}/,
  [PromiseKind.Answer]: /^We will tell you how your .+ went by .+\d{4}/,
  [PromiseKind.NextStep]: /^We will tell you when your next interview is by .+\d{4}/,
  [PromiseKind.Hold]: /^Your .+ stage is on hold: you will hear from us again by .+\d{4}/,
  [PromiseKind.UpdateRequest]: /^We will answer your question by .+\d{4}/,
  [PromiseKind.OfferReply]: /^Please reply to the offer by .+\d{4}/,
};

const AUTOMATIC_WORDS = "We didn't have an answer by the date we gave you. We have chased it; this is the new date.";

/** yyyy-mm-dd in London, `count` weekdays from today: a working day within the promise limits. */
function weekdaysAhead(count: number): string {
  const day = new Date();
  for (let left = count; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left--;
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, dateStyle: 'short' }).format(day);
}

/** The same day at 17:00 London time, as the API takes it (the portal's date fields send the same). */
function londonFiveOClock(date: string): string {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(noonUtc),
  );
  return new Date(noonUtc.getTime() + (17 - londonHour) * 3_600_000).toISOString();
}

const whereYouStand = (page: Page) => page.getByRole('region', { name: 'Where you stand' });

/** Opens the application as its candidate, checks the promise the API sent is on the page in its words. */
async function expectPromiseShown(page: Page, applicationId: string): Promise<PromiseKind> {
  await page.goto(`/me/applications/${applicationId}`);
  const view = await apiGet<CandidateApplicationView>(page, `/api/applications/${applicationId}`);
  expect(view.promise, 'an open application always carries a promise').not.toBeNull();
  const kind = (view.promise as NonNullable<CandidateApplicationView['promise']>).kind;
  // A date that has just passed says so until the sweep gives a new one; either way a date is shown.
  const late = / (is late|was due).+\d{4}/;
  await expect(whereYouStand(page).locator('.promise__text')).toHaveText(
    new RegExp(`${PROMISE_WORDS[kind].source}|${late.source}`),
  );
  return kind;
}

test('a candidate sees a dated promise in every state, from applying to the offer', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { candidatePage, application } = await freshApplication(browser, 'promise');
  const [first] = [...application.stages].sort((a, b) => a.position - b.position);
  await signInAs(page, DEMO_RECRUITER);
  const seen = new Set<PromiseKind>();
  const look = async (name: string) => {
    seen.add(await expectPromiseShown(candidatePage, application.id));
    await screenshotsAtBothWidths(candidatePage, testInfo, `promise-${name}`);
  };

  // Applied, nothing booked: whether they move forward.
  await look('1-applied');
  expect(seen).toContain(PromiseKind.Screening);

  // The interview took place: the answer.
  let current: ApplicationView = await scheduleFirstStageInThePast(page, application);
  await look('2-awaiting-feedback');

  // On hold: the date the recruiter gave.
  const hold: RecordFeedbackRequest = {
    decision: FeedbackDecision.Hold,
    holdUntil: londonFiveOClock(weekdaysAhead(4)),
    rating: 3,
    candidateMessage: 'The client is confirming the budget for this role.',
    version: current.version,
  };
  current = await apiPost<ApplicationView>(
    page,
    `/api/applications/${application.id}/stages/${first.id}/feedback`,
    hold,
  );
  await look('3-on-hold');
  expect(seen).toContain(PromiseKind.Hold);
  const stages = candidatePage.locator('li.stage');
  await expect(stages.first().locator('.stage__label')).toHaveText('On hold');
  await expect(stages.locator('.stage__label').filter({ hasText: /^(Next|Done)$/ })).toHaveCount(0);

  // Through the stage, the next one not booked: when the next interview is.
  current = await apiPost<ApplicationView>(page, `/api/applications/${application.id}/stages/${first.id}/feedback`, {
    decision: FeedbackDecision.Advance,
    rating: 3,
    candidateMessage: 'The budget is confirmed, and we would like you to meet the team.',
    version: current.version,
  } satisfies RecordFeedbackRequest);
  await look('4-next-step');
  expect(seen).toContain(PromiseKind.NextStep);

  // The candidate asks for an update: the answer to it.
  const asked = await apiGet<CandidateApplicationView>(candidatePage, `/api/applications/${application.id}`);
  await apiPost(candidatePage, `/api/applications/${application.id}/updates`, {
    kind: CandidateUpdateKind.RequestUpdate,
    text: 'Could you tell me where my application stands?',
    version: asked.version,
  });
  await look('5-update-request');

  // An offer: the date by which they are asked to reply.
  current = await apiGet<ApplicationView>(page, `/api/applications/${application.id}`);
  await apiPost(page, `/api/applications/${application.id}/offer`, {
    version: current.version,
    replyBy: londonFiveOClock(weekdaysAhead(5)),
  });
  await look('6-offer');
  expect(seen).toContain(PromiseKind.OfferReply);

  // Every kind of promise has been on the page, each with its date.
  expect([...seen].sort()).toEqual(
    [
      PromiseKind.Screening,
      PromiseKind.Answer,
      PromiseKind.NextStep,
      PromiseKind.Hold,
      PromiseKind.UpdateRequest,
      PromiseKind.OfferReply,
    ].sort(),
  );
  await candidatePage.goto('/me');
  await expect(candidatePage.locator('.due').first()).toHaveText(/^(Hear|Reply) by .+\d{4}/);
  await expectNoSeriousAxeViolations(candidatePage, 'application with an offer to reply to');
});

test('a recruiter moves the date with a sentence; the candidate reads the new date, the old one and why', async ({
  page,
  browser,
}, testInfo) => {
  const { candidatePage, candidateName, application } = await freshApplication(browser, 'redate');
  const sentence = `Our client needs a few more days to read every application (${uniqueStamp()}).`;

  await signInAs(page, DEMO_RECRUITER);
  await page.goto(`/recruiter/applications/${application.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidateName);
  const panel = page.locator('hb-promise-panel');
  await expect(panel.getByTestId('promise-now')).toContainText('Whether they move forward');

  const form = page.getByRole('form', { name: 'Move this date' });
  await form.getByRole('button', { name: 'Move the date' }).click();
  await expect(form.getByText('Choose the date.')).toBeVisible();
  await form.getByRole('group', { name: 'New date' }).getByLabel('Date').fill(weekdaysAhead(7));
  await form.getByLabel('What we tell the candidate').fill(sentence);
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-move-date');
  await form.getByRole('button', { name: 'Move the date' }).click();

  await expect(page.locator('.announcement')).toContainText('The date is moved to');
  await expect(panel.locator('blockquote')).toHaveText(sentence);
  await expect(panel.locator('.promise__history').first()).toContainText('Moved from');
  await expectNoSeriousAxeViolations(page, 'recruiter application with the move-date form');

  await candidatePage.goto(`/me/applications/${application.id}`);
  const promise = whereYouStand(candidatePage).getByTestId('promise');
  await expect(promise.locator('.promise__text')).toHaveText(PROMISE_WORDS[PromiseKind.Screening]);
  await expect(promise.locator('.promise__moved')).toHaveText(/^Date moved \(was .+\d{4}\)$/);
  await expect(promise.locator('blockquote')).toHaveText(`“${sentence}”`);
  await expect(candidatePage.getByRole('list', { name: 'Newest first' })).toContainText(sentence);
  await screenshotsAtBothWidths(candidatePage, testInfo, 'candidate-redated-promise');
});

test('when nobody answers by the date, the candidate is told so at once, with a new date', async ({
  page,
}, testInfo) => {
  // The demo's "Electrical Engineer, Grid" interview was ten days ago and its feedback never came:
  // the API's sweep (once a minute) gives the candidate an honest automatic update.
  test.setTimeout(180_000);
  await signIn(page, DEMO_CANDIDATE);
  await page.goto('/me');
  await page.getByRole('link', { name: 'Electrical Engineer, Grid' }).click();
  // Reload only once the application's own page is there, not /me while the router is still on its way.
  await expect(page).toHaveURL(/\/me\/applications\/[0-9a-f-]{36}$/);
  const promise = whereYouStand(page).getByTestId('promise');
  await expect(async () => {
    await page.reload();
    await expect(promise.locator('.promise__why')).toHaveText(AUTOMATIC_WORDS, { timeout: 2_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await expect(promise.locator('.promise__text')).toHaveText(/ by .+\d{4}/);
  await expect(promise.locator('.promise__moved')).toHaveText(/^Date moved/);
  await expectNoSeriousAxeViolations(page, 'application after an automatic update');
  await screenshotsAtBothWidths(page, testInfo, 'candidate-automatic-update');
});
