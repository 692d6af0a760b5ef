import { expect, test } from '@playwright/test';
import {
  checkEmailNotice,
  fillRegisterForm,
  followRegistrationLink,
  registerOnJobPage,
  reviewAndApply,
  screenshotAtBothWidths,
  uniqueEmail,
} from './support/candidate-journeys';

// Every test leaves a picture of where it ended, to look at after a run.
test.afterEach(async ({ page }, testInfo) => {
  await page.screenshot({
    path: testInfo.outputPath('end.png'),
    fullPage: true,
  });
});

test('a visitor searches the board, registers on the job page and applies; the application is under /me', async ({
  page,
}, testInfo) => {
  await page.goto('/jobs');
  await page.getByRole('searchbox', { name: 'Search jobs' }).fill('Engineer');
  await page.getByLabel('Work mode').selectOption({ label: 'Hybrid' });

  await expect(page).toHaveURL(/q=Engineer/);
  await expect(page).toHaveURL(/workMode=hybrid/);
  await expect(page.getByRole('status')).toHaveText(/\d+\+? jobs? match(es)? “Engineer” and your filters/);
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  // The keyword also matches descriptions, so a card's own words need not say it; every card
  // keeps the work-mode filter, and engineering jobs are among the matches.
  for (const card of await cards.all()) {
    await expect(card).toContainText('Hybrid');
  }
  const engineerCards = cards.filter({ has: page.getByRole('heading', { level: 2, name: /engineer/i }) });
  await expect(engineerCards.first()).toBeVisible();

  const firstTitle = engineerCards.first().getByRole('heading', { level: 2 });
  const jobTitle = (await firstTitle.innerText()).trim();
  await firstTitle.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(jobTitle);
  await expect(page.getByText('You will go through:')).toBeVisible();
  await expect(page.getByText(/We promise an answer within \d+ working days? of each interview/)).toBeVisible();
  const stageNames = await page
    .getByRole('list', { name: 'Interview stages, in order' })
    .getByRole('listitem')
    .allInnerTexts();
  expect(stageNames.length).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: "I'm new here" })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({
    path: testInfo.outputPath('job-page-as-visitor.png'),
    fullPage: true,
  });

  const jobPath = new URL(page.url()).pathname;
  const email = uniqueEmail('apply');
  const panel = page.getByRole('tabpanel', { name: "I'm new here" });
  await fillRegisterForm(panel, { fullName: 'Jordan Journey', email });

  // Registering signs no one in: the form gives way to a notice saying where the link went.
  const notice = checkEmailNotice(panel);
  await expect(notice.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await expect(notice).toContainText(
    `We have sent a link to ${email}. Open it within 48 hours and enter the password you have just chosen: that finishes your account, signs you in and brings you back here.`,
  );
  await expect(notice.getByRole('button', { name: 'Use another address' })).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Sign in instead' })).toBeVisible();
  await expect(panel.getByLabel('Password')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await screenshotAtBothWidths(page, testInfo, 'check-your-email');

  // The emailed link makes the account, signs this browser in and comes back to the same job.
  await followRegistrationLink(page, email, jobPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(jobTitle);
  await expect(page.getByRole('tab', { name: "I'm new here" })).toHaveCount(0);
  // Signed in, told so, and the keyboard is on the application (far down the page on a phone). Nothing is
  // sent until the candidate has reviewed it and agreed to the privacy notice.
  await expect(page.getByText(`Your account for ${email} is ready, and you are signed in.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your application' })).toBeFocused();
  await screenshotAtBothWidths(page, testInfo, 'back-on-the-job-signed-in');
  await page.getByRole('checkbox', { name: 'Consider me for other jobs' }).check();
  await page.getByRole('button', { name: 'Review and apply' }).click();
  const review = page.getByRole('region', { name: 'Review and apply' });
  await expect(review.getByRole('heading', { name: 'Review and apply' })).toBeFocused();
  await expect(review).toContainText(`Sent to Heardback recruiters for ${jobTitle} at`);
  await expect(review).toContainText('Jordan Journey');
  await expect(review).toContainText('Consider me for other jobs: yes.');
  await review.getByRole('button', { name: 'Send application' }).click();
  await expect(review.getByText(/^Tick the box to agree to the privacy notice/)).toBeVisible();
  await expect(review.getByRole('checkbox', { name: /I have read the privacy notice and agree/ })).toBeFocused();
  await review.getByText(/^Read the privacy notice \(version \d+\)$/).click();
  await expect(review.getByText('Your rights')).toBeVisible();
  await screenshotAtBothWidths(page, testInfo, 'review-and-apply');
  await review.getByRole('checkbox', { name: /I have read the privacy notice and agree/ }).check();
  await review.getByRole('button', { name: 'Send application' }).click();

  await expect(page).toHaveURL(/\/me\/applications\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(jobTitle);
  await expect(page.getByText(`You applied for ${jobTitle}`).first()).toBeVisible();
  // The promise is a date for whether the candidate moves forward, not an interview.
  await expect(page.getByRole('region', { name: 'Where you stand' })).toContainText(
    /We will tell you whether you move forward by .+\d{4}/,
  );
  const stages = page.locator('.stage');
  await expect(stages.getByRole('heading', { level: 3 })).toHaveText(
    stageNames.map((name) => name.replace('→', '').trim()),
  );
  await expect(stages.first()).toContainText('Next');
  await screenshotAtBothWidths(page, testInfo, 'new-application');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My applications' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('status')).toHaveText('1 application: 1 in progress');
  const card = page.getByRole('article', { name: jobTitle });
  await expect(card).toContainText('Applied');
  await expect(card).toContainText('The agency is reviewing your application.');
  await screenshotAtBothWidths(page, testInfo, 'my-applications');
});

test('a candidate withdraws their own application, giving a reason, after confirming', async ({ page }, testInfo) => {
  await page.goto('/jobs');
  const firstJob = page.getByRole('article').first().getByRole('link');
  await firstJob.click();
  await registerOnJobPage(page, { fullName: 'Winnie Withdraw', email: uniqueEmail('withdraw') });
  await reviewAndApply(page);

  const withdraw = page.getByRole('button', { name: 'Withdraw application' });
  await withdraw.click();
  const dialog = page.getByRole('dialog', { name: 'Withdraw your application?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Why are you withdrawing?')).toBeFocused();
  await expect(dialog).toContainText('While the job is open, you can apply again from its page');

  await dialog.getByRole('button', { name: 'Withdraw application' }).click();
  await expect(dialog).toContainText('Tell the agency why, in a few words.');
  await dialog.getByLabel('Why are you withdrawing?').fill('I accepted another offer.');
  await page.screenshot({
    path: testInfo.outputPath('withdraw-dialog.png'),
    fullPage: false,
  });
  await dialog.getByRole('button', { name: 'Withdraw application' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Where you stand' })).toBeFocused();
  await expect(page.locator('.summary')).toContainText('Withdrawn');
  await expect(page.getByText('You withdrew your application: "I accepted another offer."')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw application' })).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('withdrawn.png'),
    fullPage: true,
  });
});

test('a candidate answers the job’s questions, withdraws, and applies again to the same job', async ({
  page,
}, testInfo) => {
  await page.goto('/jobs?q=Warehouse%20Operations%20Manager');
  await page.getByRole('link', { name: 'Warehouse Operations Manager', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warehouse Operations Manager');
  await registerOnJobPage(page, { fullName: 'Quinn Questions', email: uniqueEmail('questions') });

  // A required question left out is refused at the question, before anything is sent.
  await page.getByRole('button', { name: 'Review and apply' }).click();
  const permit = page.getByRole('group', { name: 'Do you have the right to work in Belgium?' });
  await expect(permit).toContainText('Answer this question: it is required.');
  await expect(permit.getByRole('radio', { name: 'Yes' })).toBeFocused();
  await screenshotAtBothWidths(page, testInfo, 'apply-questions');
  await permit.getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('What is your notice period?').fill('One month');
  await page
    .getByRole('group', { name: 'Which shift pattern suits you best? (optional)' })
    .getByRole('radio', { name: 'Late' })
    .check();
  await page.getByRole('button', { name: 'Review and apply' }).click();
  const answers = page.getByRole('region', { name: 'Your answers' });
  await expect(answers).toContainText('Do you have the right to work in Belgium?Yes');
  await expect(answers).toContainText('What is your notice period?One month');
  await expect(answers).toContainText('Which shift pattern suits you best?Late');
  await page.getByRole('checkbox', { name: /I have read the privacy notice and agree/ }).check();
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page).toHaveURL(/\/me\/applications\/[0-9a-f-]{36}$/);
  const firstApplication = page.url();

  await page.getByRole('button', { name: 'Withdraw application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Withdraw your application?' });
  await dialog.getByLabel('Why are you withdrawing?').fill('The commute is too long.');
  await dialog.getByRole('button', { name: 'Withdraw application' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'See the job' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warehouse Operations Manager');
  await expect(page.getByText(/^You withdrew on .+\. You can apply again\.$/)).toBeVisible();
  await screenshotAtBothWidths(page, testInfo, 'job-after-withdrawing');
  await page
    .getByRole('group', { name: 'Do you have the right to work in Belgium?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByLabel('What is your notice period?').fill('Two weeks');
  await reviewAndApply(page);
  expect(page.url()).not.toBe(firstApplication);

  await page.goto('/jobs?q=Warehouse%20Operations%20Manager');
  await page.getByRole('link', { name: 'Warehouse Operations Manager', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Apply for this job' })).toContainText(
    /You applied on .+\. See your application to follow every step/,
  );
  await expect(page.getByRole('button', { name: 'Review and apply' })).toHaveCount(0);
  await screenshotAtBothWidths(page, testInfo, 'job-applied');
});
