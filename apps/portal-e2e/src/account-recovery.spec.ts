import { type Page, expect, test } from '@playwright/test';
import {
  INVITATION_SUBJECT,
  acceptInvitation,
  apiPost,
  registerThroughApi,
  uniqueStamp,
} from './support/agency-sign-in';
import {
  E2E_PASSWORD,
  FINISH_REGISTRATION_SUBJECT,
  checkEmailNotice,
  followRegistrationLink,
} from './support/candidate-journeys';
import { emailTo, linkFromEmail, subjectsOfEmailsTo } from './support/mailbox';

// Generous: the journey takes screenshots at two widths on a shared, loaded machine.
test.describe.configure({ timeout: 240_000 });

/** Who the page's own cookies sign in, asked from inside the page as the portal would. */
function meStatus(page: Page): Promise<number> {
  return page.evaluate(() => fetch('/api/auth/me').then((response) => response.status));
}

const SHOTS = '/tmp/accounts-shots';

test('a candidate who forgot their password gets a link by email, sets a new one and is signed in', async ({
  page,
  browser,
}) => {
  const email = `forgetful-${uniqueStamp()}@example.com`;
  // An account with a session in another browser, which the reset must end.
  const otherBrowser = await (await browser.newContext()).newPage();
  await otherBrowser.goto('/jobs');
  await registerThroughApi(otherBrowser, {
    email,
    fullName: 'Forgetful Candidate',
  });
  expect(await meStatus(otherBrowser)).toBe(200);

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  await page.screenshot({ path: `${SHOTS}/forgot-password-1280.png`, fullPage: true });
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(page.getByText(`If ${email} has a Heardback account, we have sent it a link`)).toBeVisible();

  const link = await linkFromEmail(email, 'Reset your Heardback password', '/reset-password');
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expect(page.getByText(`A new password for ${email}.`)).toBeVisible();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();

  await page.getByLabel('New password').fill('password1234');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page.getByText(/Password is one of the most common passwords/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/reset-password-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/reset-password-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel('New password').fill('lantern harbour morning');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The other browser's session ended; the link works only once, and says so as it opens, before a
  // new password is typed.
  expect(await meStatus(otherBrowser)).toBe(401);
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText(/password reset link has expired or was already used/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Send me a new link' })).toBeVisible();
  await expect(page.getByLabel('New password')).toHaveCount(0);

  // The profile shows where the account is signed in.
  await page.goto('/me/profile');
  await expect(page.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible();
  await expect(page.getByText('This device')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/profile-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/profile-375.png`, fullPage: true });
  await page.goto('/forgot-password');
  await page.screenshot({ path: `${SHOTS}/forgot-password-375.png`, fullPage: true });
});

test('a new candidate finishes creating their account from the emailed link, signed in and already confirmed', async ({
  page,
}) => {
  const email = `confirming-${uniqueStamp()}@example.com`;
  await page.goto('/register');
  await page.getByLabel('Full name').fill('Confirming Candidate');
  await page.getByLabel('Email').fill(email);
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Create account' }).click();

  // Nothing is made and no one is signed in until the link is followed.
  const notice = checkEmailNotice(page);
  await expect(notice).toContainText(`We have sent a link to ${email}.`);
  await expect(page).toHaveURL(/\/register$/);
  expect(await meStatus(page)).toBe(401);
  await page.screenshot({ path: `${SHOTS}/register-sent-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/register-sent-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The link asks for the password chosen when registering: a wrong one is refused at the field, and
  // the link keeps working.
  const link = new URL(await linkFromEmail(email, FINISH_REGISTRATION_SUBJECT, '/finish-registration'));
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Finish creating your account');
  expect(await meStatus(page)).toBe(401);
  await page.getByLabel('Password').fill('someone-elses-password');
  await page.getByRole('button', { name: 'Finish and sign in' }).click();
  await expect(page.getByText('This is not the password this link was made with.')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();
  expect(await meStatus(page)).toBe(401);
  await page.screenshot({ path: `${SHOTS}/finish-registration-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/finish-registration-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Finish and sign in' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText(`Your account for ${email} is ready, and you are signed in.`)).toBeVisible();
  expect(await meStatus(page)).toBe(200);

  // Following the link proved the address: nothing asks to confirm it.
  await page.goto('/me/profile');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText('Not confirmed yet')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Confirm your email address' })).toHaveCount(0);

  // The link works once; opened again in the browser it signed in, the page says so and where to go.
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(/link to finish creating your account has expired or was already used/)).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await expect(page.getByText(/You are signed in as/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your page' })).toHaveAttribute('href', '/me');
  await page.screenshot({ path: `${SHOTS}/finish-registration-used-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/finish-registration-used-375.png`, fullPage: true });
});

test('someone who does not know the password a link was made with starts it again with their own, and finishes from the new link', async ({
  page,
}) => {
  // A stranger registered the address first, with a password the owner cannot know.
  const email = `besieged-${uniqueStamp()}@example.com`;
  await page.goto('/jobs');
  await apiPost(page, '/api/auth/register', { email, password: 'stranger-chose-this-1', fullName: 'Mallory' });
  const strangersHref = await linkFromEmail(email, FINISH_REGISTRATION_SUBJECT, '/finish-registration');
  const strangersLink = new URL(strangersHref);

  await page.goto(strangersLink.pathname + strangersLink.search);
  await expect(page.getByText(`This link finishes an account for ${email}.`)).toBeVisible();
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Finish and sign in' }).click();
  await expect(page.getByText(/if none takes it, start again with a new password\./)).toBeVisible();
  await page.getByRole('button', { name: 'Start again with a new password' }).click();
  await expect(page.getByLabel('Full name')).toBeFocused();
  await page.getByLabel('Full name').fill('Olga Owner');
  await page.getByLabel('New password').fill(E2E_PASSWORD);
  await page.screenshot({ path: `${SHOTS}/restart-registration-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/restart-registration-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Send me a new link' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Check your email' })).toContainText(
    `We have sent a new link to ${email}.`,
  );
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  expect(await meStatus(page)).toBe(401);
  await page.screenshot({ path: `${SHOTS}/restart-registration-sent-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/restart-registration-sent-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The new link, in the same inbox, takes the owner's password and makes their account.
  await expect
    .poll(() => linkFromEmail(email, FINISH_REGISTRATION_SUBJECT, '/finish-registration'))
    .not.toBe(strangersHref);
  await followRegistrationLink(page, email, /\/me$/, E2E_PASSWORD);
  await page.goto('/me/profile');
  await expect(page.getByLabel('Full name')).toHaveValue('Olga Owner');

  // The stranger's link was spent by starting again.
  await page.goto(strangersLink.pathname + strangersLink.search);
  await expect(page.getByText(/link to finish creating your account has expired or was already used/)).toBeVisible();
});

test('registering with an address that has an account shows the same notice, signs no one in and tells its owner', async ({
  page,
  browser,
}) => {
  // The owner made their account from the emailed link, in their own browser.
  const owner = `owner-${uniqueStamp()}@example.com`;
  const ownerBrowser = await (await browser.newContext()).newPage();
  await registerThroughApi(ownerBrowser, { email: owner, fullName: 'Owning Candidate' });
  await ownerBrowser.context().close();

  // Someone registers a new address, then, with "Use another address", the owner's.
  const stranger = `stranger-${uniqueStamp()}@example.com`;
  await page.goto('/register');
  await page.getByLabel('Full name').fill('Someone Else');
  await page.getByLabel('Email').fill(stranger);
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Create account' }).click();
  const notice = checkEmailNotice(page);
  await expect(notice).toContainText(`We have sent a link to ${stranger}.`);
  const forNewAddress = await notice.innerText();

  await notice.getByRole('button', { name: 'Use another address' }).click();
  // The form is back as it was typed, with the keyboard on the address.
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveValue(stranger);
  await expect(page.getByLabel('Full name')).toHaveValue('Someone Else');
  await page.getByLabel('Email').fill(owner);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(notice).toContainText(`We have sent a link to ${owner}.`);

  // Word for word the notice a new address gets: the page does not say which addresses have accounts.
  expect((await notice.innerText()).replace(owner, '<address>')).toBe(forNewAddress.replace(stranger, '<address>'));
  // And no one is signed in: the header still offers "Sign in".
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  expect(await meStatus(page)).toBe(401);
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // The owner is told, with a way to sign in or reset; the new address got its link.
  const told = await emailTo(owner, 'Someone tried to register with your email address');
  expect(told).toContain('No new account was made and nothing about your account changed.');
  await linkFromEmail(stranger, FINISH_REGISTRATION_SUBJECT, '/finish-registration');
  // The owner, who registered themselves, was never asked to confirm their address: following the link did.
  expect(await subjectsOfEmailsTo(owner)).toEqual([
    FINISH_REGISTRATION_SUBJECT,
    'Someone tried to register with your email address',
  ]);
});

test('staff invite a recruiter, who chooses their own password; staff disable them, who is signed out at once, and enable them again', async ({
  page,
  browser,
}) => {
  const recruiterEmail = `leaving-${uniqueStamp()}@example.com`;
  const recruiterName = `Leaving Recruiter ${uniqueStamp()}`;
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('staff@heardback.test');
  await page.getByLabel('Password').fill('heardback-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // Staff invite through the Users page: no password of theirs (ADR 0082).
  await page.goto('/staff/users');
  const invite = page.getByRole('form', { name: 'Invite someone' });
  await expect(invite.getByLabel(/password/i)).toHaveCount(0);
  await invite.getByLabel('Full name').fill(recruiterName);
  await invite.getByLabel('Email').fill(recruiterEmail);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toContainText(`Invitation sent to ${recruiterName} (recruiter)`);
  await page.getByLabel('Find an account').fill(recruiterEmail);
  const invitedRow = page.getByRole('listitem').filter({ hasText: recruiterEmail });
  await expect(invitedRow.getByText('Invited', { exact: true })).toBeVisible();
  await expect(invitedRow.getByRole('button', { name: `Send the invitation again to ${recruiterName}` })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/staff-users-invited-1280.png`, fullPage: true });

  const recruiter = await (await browser.newContext()).newPage();
  await recruiter.setViewportSize({ width: 375, height: 800 });
  const link = new URL(await linkFromEmail(recruiterEmail, INVITATION_SUBJECT, '/accept-invitation'));
  await recruiter.goto(link.pathname + link.search);
  await expect(recruiter.getByText(`Welcome to Heardback, ${recruiterName}.`)).toBeVisible();
  await recruiter.screenshot({ path: `${SHOTS}/accept-invitation-375.png`, fullPage: true });
  await acceptInvitation(recruiter, recruiterEmail, 'e2e-password-123', /\/recruiter/);
  expect(await meStatus(recruiter)).toBe(200);

  await page.goto('/staff/users');
  // However many accounts the agency has, staff find one by typing part of its email.
  await page.getByLabel('Find an account').fill(recruiterEmail);
  await expect(
    page.getByRole('status').filter({ hasText: `1 account whose name or email contains “${recruiterEmail}”` }),
  ).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: recruiterEmail });
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: /^Disable / }).click();
  await expect(row.getByText('Disabled')).toBeVisible();
  await expect(row.getByText(/owns no open jobs or applications/)).toBeVisible();
  expect(await meStatus(recruiter)).toBe(401);
  await page.screenshot({ path: `${SHOTS}/staff-users-disabled-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/staff-users-disabled-375.png`, fullPage: true });

  await row.getByRole('button', { name: /^Enable / }).click();
  await expect(row.getByRole('button', { name: /^Disable / })).toBeVisible();
});
