import { expect, test } from '@playwright/test';
import type { ApplicationView, ScheduleStageRequest } from '@heardback/contracts';
import { DEMO_RECRUITER, apiPost, freshApplication, screenshotsAtBothWidths, signInAs } from './support/agency-sign-in';

const hour = 3_600_000;

test('rescheduling starts from the current arrangement: the interviewers are kept, and the timeline names them', async ({
  page,
  browser,
}, testInfo) => {
  const { candidatePage, application } = await freshApplication(browser, 'reschedule');
  await candidatePage.context().close();
  const firstStage = [...application.stages].sort((a, b) => a.position - b.position)[0];

  await signInAs(page, DEMO_RECRUITER);
  // Booked well ahead, so moving it a day later stays in the future whatever the clock says, and at
  // 10:00 UTC, so the hour never runs past midnight (an end "before" its start on the form's one date).
  const startsAt = new Date(Date.now() + 72 * hour);
  startsAt.setUTCHours(10, 0, 0, 0);
  const booking: ScheduleStageRequest = {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + hour).toISOString(),
    // A long video link: one unbreakable word, which must not widen the page on a phone.
    location: 'https://meet.example.com/heardback-reschedule-room-with-a-rather-long-name',
    interviewers: ['Riley Recruiter', 'Jo Hiring'],
    version: application.version,
  };
  await apiPost<ApplicationView>(page, `/api/applications/${application.id}/stages/${firstStage.id}/schedule`, booking);
  await page.goto(`/recruiter/applications/${application.id}`);

  const form = page.getByRole('form', { name: `Reschedule “${firstStage.name}”` });
  await expect(form.getByLabel('Place or video link')).toHaveValue(booking.location);
  await expect(form.getByLabel('Interviewers (optional)')).toHaveValue('Riley Recruiter, Jo Hiring');
  await page.setViewportSize({ width: 375, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshotsAtBothWidths(page, testInfo, 'reschedule-form');

  // Only the time changes: a day later.
  const date = form.getByLabel('Date');
  const day = new Date(`${await date.inputValue()}T12:00:00`);
  day.setDate(day.getDate() + 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  await date.fill(`${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`);
  await form.getByRole('button', { name: 'Save new time' }).click();

  await expect(page.locator('.announcement')).toContainText(`${firstStage.name} is booked for`);
  await expect(form.getByLabel('Interviewers (optional)')).toHaveValue('Riley Recruiter, Jo Hiring');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Riley Recruiter, Jo Hiring');
  await expect(timeline).not.toContainText('no interviewers named');
  const stored = (await (await page.request.get(`/api/applications/${application.id}`)).json()) as ApplicationView;
  expect(stored.stages.find((stage) => stage.id === firstStage.id)?.interviewers).toEqual([
    'Riley Recruiter',
    'Jo Hiring',
  ]);
});

test('the back link says where the application was opened from: the job’s board, or by default the queue', async ({
  page,
  browser,
}, testInfo) => {
  const { candidatePage, candidateName, application, job } = await freshApplication(browser, 'backlink');
  await candidatePage.context().close();

  await signInAs(page, DEMO_RECRUITER);
  await page.goto(`/recruiter/jobs/${job.id}`);
  await page.getByRole('link', { name: candidateName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidateName);
  const back = page.getByRole('link', { name: `← ${job.title}: applications by stage` });
  await expect(back).toBeVisible();
  await screenshotsAtBothWidths(page, testInfo, 'application-from-board');
  await back.click();
  await expect(page).toHaveURL(new RegExp(`/recruiter/jobs/${job.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(job.title);

  // Opened directly (a bookmark, an email's link): back to the recruiter's home, the queue.
  await page.goto(`/recruiter/applications/${application.id}`);
  await expect(page.getByRole('link', { name: '← Feedback queue' })).toHaveAttribute('href', '/recruiter');
});

test('what the candidate told us is up front: their other offer and availability in the header and beside Schedule', async ({
  page,
  browser,
}, testInfo) => {
  const { candidatePage, candidateName, application } = await freshApplication(browser, 'toldus');
  const answerBy = new Date(Date.now() + 4 * 24 * hour).toISOString();
  const offered = await apiPost<ApplicationView>(candidatePage, `/api/applications/${application.id}/updates`, {
    kind: 'other_offer',
    text: 'An offer from Globex',
    deadline: answerBy,
    version: application.version,
  });
  await apiPost(candidatePage, `/api/applications/${application.id}/updates`, {
    kind: 'availability',
    text: 'Free on weekday afternoons',
    version: offered.version,
  });
  await candidatePage.context().close();

  await signInAs(page, DEMO_RECRUITER);
  await page.goto(`/recruiter/applications/${application.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidateName);
  const header = page.locator('header.app-header');
  await expect(header).toContainText('Other offer“An offer from Globex”, to answer by');
  await expect(header).toContainText('Availability“Free on weekday afternoons”');
  const beside = page.getByTestId('schedule-candidate-said');
  await expect(beside).toContainText('“An offer from Globex”');
  await expect(beside).toContainText('“Free on weekday afternoons”');

  // Nothing in the page is wider than a small phone.
  await page.setViewportSize({ width: 375, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshotsAtBothWidths(page, testInfo, 'application-candidate-said');
});
