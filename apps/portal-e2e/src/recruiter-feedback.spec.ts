import { type Page, expect, test } from '@playwright/test';
import {
  DEMO_RECRUITER,
  freshApplication,
  scheduleFirstStageInThePast,
  screenshotsAtBothWidths,
  signInAs,
  uniqueStamp,
} from './support/agency-sign-in';

/** yyyy-mm-dd of a day some days ago, as a date input wants it. */
function daysAgo(days: number): string {
  const day = new Date(Date.now() - days * 24 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

const announcement = (page: Page) => page.locator('.announcement');

test('a recruiter schedules an interview and records “advance”; the candidate sees the stage done, the message and the next stage', async ({
  page,
  browser,
}, testInfo) => {
  const { candidatePage, candidateName, application } = await freshApplication(browser, 'advance');
  const [firstStage, secondStage] = [...application.stages].sort((a, b) => a.position - b.position);
  const message = `Thank you for a thoughtful conversation (${uniqueStamp()}).\nWe would like you to meet the team next.`;

  await signInAs(page, DEMO_RECRUITER);
  await page.goto(`/recruiter/applications/${application.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidateName);

  // Schedule the current stage, in the past, as when an interview is recorded after the fact.
  const schedule = page.getByRole('form', { name: `Schedule “${firstStage.name}”` });
  await schedule.getByLabel('Date').fill(daysAgo(2));
  await schedule.getByLabel('Starts at').fill('10:00');
  await schedule.getByLabel('Ends at').fill('11:00');
  await expect(schedule.getByText('This time has already passed.')).toBeVisible();
  await schedule.getByLabel('Place or video link').fill('https://meet.example.com/heardback-e2e');
  await schedule.getByLabel('Interviewers (optional)').fill('Riley Recruiter, Jo Hiring');
  // A past time tells the candidate the interview took place: it is saved only once ticked as held then.
  await schedule.getByRole('button', { name: 'Record as held' }).click();
  await expect(schedule.getByText('Tick “It was held at this time”, or choose a time still to come.')).toBeVisible();
  await expect(schedule.getByRole('checkbox', { name: 'It was held at this time' })).toBeFocused();
  await schedule.screenshot({ path: testInfo.outputPath('schedule-held-unticked.png') });
  await schedule.getByRole('checkbox', { name: 'It was held at this time' }).check();
  await schedule.getByRole('button', { name: 'Record as held' }).click();

  // The confirmation is at the top of the page, and takes the keyboard (and the view) there.
  await expect(announcement(page)).toContainText(`${firstStage.name} is booked for`);
  await expect(announcement(page).locator('p')).toBeFocused();
  const stage = page.locator('.stage', { hasText: `1. ${firstStage.name}` });
  await expect(stage).toContainText('Awaiting feedback');

  // Record the feedback, checking the preview shows the candidate's words as they will read them.
  const feedback = page.getByRole('form', { name: `Record feedback for “${firstStage.name}”` });
  await feedback.getByRole('radio', { name: /Advance/ }).check();
  await feedback.getByRole('radio', { name: /^3/ }).check();
  await feedback.getByLabel('Message to the candidate').fill(message);
  await feedback.getByLabel('Internal notes (optional)').fill('E2E: strong communicator.');
  const preview = feedback.getByTestId('candidate-preview');
  await expect(preview.locator('.preview__message')).toHaveText(message);
  await expect(preview).toContainText(`You are through to ${secondStage.name}.`);
  await expect(preview).not.toContainText('strong communicator');
  await screenshotsAtBothWidths(page, testInfo, 'record-feedback-form');

  // Feedback is final and emailed at once: it is shown back, words, decision and to whom, first.
  await feedback.getByRole('button', { name: 'Check and send…' }).click();
  const check = feedback.getByTestId('feedback-check');
  await expect(check.getByRole('heading', { name: 'Check and send' })).toBeFocused();
  await expect(check).toContainText(`To${candidateName}`);
  await expect(check).toContainText('Advance · rated 3 of 4');
  await expect(check.locator('.preview__message')).toHaveText(message);
  await screenshotsAtBothWidths(page, testInfo, 'record-feedback-check');
  await feedback.getByRole('button', { name: 'Send feedback' }).click();

  await expect(announcement(page)).toContainText(
    `Feedback for ${firstStage.name} is recorded and the candidate can read it. Next stage: ${secondStage.name}.`,
  );
  await expect(announcement(page).locator('p')).toBeFocused();
  await expect(stage).toContainText('Feedback recorded');
  await expect(page.locator('#record-feedback')).toHaveText(`Current stage: ${secondStage.name}`);
  await screenshotsAtBothWidths(page, testInfo, 'recruiter-after-feedback');

  // The candidate, in their own browser context, reads it on their application page.
  await candidatePage.goto(`/me/applications/${application.id}`);
  const done = candidatePage.locator('li.stage', {
    has: candidatePage.getByRole('heading', { level: 3, name: firstStage.name, exact: true }),
  });
  await expect(done).toContainText('Done');
  await expect(done.locator('blockquote')).toHaveText(message);
  const next = candidatePage.locator('li.stage', {
    has: candidatePage.getByRole('heading', { level: 3, name: secondStage.name, exact: true }),
  });
  await expect(next).toContainText('Next');
  await expect(candidatePage.getByRole('main')).not.toContainText('strong communicator');
  await screenshotsAtBothWidths(candidatePage, testInfo, 'candidate-sees-feedback');
  await candidatePage.context().close();
});

test('a recruiter is told at the decisions, before writing anything, which stage owes feedback, and led to its form', async ({
  page,
  browser,
}, testInfo) => {
  const { candidatePage, application } = await freshApplication(browser, 'reject');
  await candidatePage.context().close();
  const firstStage = [...application.stages].sort((a, b) => a.position - b.position)[0];

  await signInAs(page, DEMO_RECRUITER);
  await scheduleFirstStageInThePast(page, application);
  await page.goto(`/recruiter/applications/${application.id}`);

  // No "Reject…" to start a message that could not be sent: the reason, naming the stage, instead.
  const decisions = page.getByRole('region', { name: 'Decide the application' });
  await expect(decisions.getByTestId('feedback-owed')).toContainText(
    `Record feedback for ${firstStage.name} before rejecting or making an offer`,
  );
  await expect(decisions.getByRole('button', { name: 'Reject…' })).toHaveCount(0);
  await expect(decisions.getByRole('button', { name: 'Make an offer…' })).toHaveCount(0);
  await screenshotsAtBothWidths(page, testInfo, 'reject-needs-feedback');

  await decisions.getByRole('button', { name: 'Go to the feedback form' }).click();
  await expect(page.locator('#record-feedback')).toBeFocused();
  await expect(page.getByRole('form', { name: `Record feedback for “${firstStage.name}”` })).toBeVisible();
  const view = await page.request.get(`/api/applications/${application.id}`);
  expect(((await view.json()) as { status: string }).status).not.toBe('rejected');
});
