import { greeting } from './greeting';

/**
 * Every sentence an account holder reads about their account: the emails and the errors.
 * One module, so the words can be reviewed (and later translated) together.
 */
export interface MailText {
  subject: string;
  body: string;
}

const signature = ['', 'Heardback'];

/** 90 → "2 minutes", 7200 → "2 hours": how long to wait, rounded up. */
export function waitInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 120) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

export const accountMessages = {
  verifyEmail(name: string, link: string, validHours: number): MailText {
    return {
      subject: 'Confirm your email address for Heardback',
      body: [
        greeting(name),
        '',
        'Please confirm this is your email address, so we can send you news about your applications:',
        link,
        '',
        `The link works once, for ${validHours} hours. Until you confirm, we keep your updates and send nothing else here.`,
        '',
        'If you did not create a Heardback account, you can ignore this message, or set a password of your own',
        'with "Forgot your password?" on the sign-in page: that ends every session someone else started.',
        ...signature,
      ].join('\n'),
    };
  },

  finishRegistration(name: string, link: string, validHours: number): MailText {
    return {
      subject: 'Finish creating your Heardback account',
      body: [
        greeting(name),
        '',
        'To finish creating your Heardback account, open this link and enter the password you chose. It signs you in and takes you back to where you were:',
        link,
        '',
        `The link works once, for ${validHours} hours. Until you open it there is no account, and we send nothing else here.`,
        '',
        'If you did not ask for an account, ignore this message: without the link, none is made.',
        ...signature,
      ].join('\n'),
    };
  },

  passwordReset(name: string, link: string, validMinutes: number): MailText {
    return {
      subject: 'Reset your Heardback password',
      body: [
        greeting(name),
        '',
        'Someone (we hope you) asked to reset the password of your Heardback account. Choose a new one here:',
        link,
        '',
        `The link works once, for ${validMinutes} minutes. Setting a new password signs you out everywhere else.`,
        '',
        'If you did not ask, ignore this message: your password stays as it is.',
        ...signature,
      ].join('\n'),
    };
  },

  /** To an agency person staff have just invited (ADR 0082): the only way into their new account. */
  invitation(name: string, invitedBy: string, role: string, link: string, validDays: number): MailText {
    return {
      subject: 'You are invited to Heardback',
      body: [
        greeting(name),
        '',
        `${invitedBy} has made you a Heardback account as ${role} at the agency. Choose your password here to start:`,
        link,
        '',
        `The link works once, for ${validDays} days. If it has expired, ask ${invitedBy} or another staff member to send it again.`,
        '',
        'If you were not expecting this, ignore this message: no one can sign in to the account until a password is chosen.',
        ...signature,
      ].join('\n'),
    };
  },

  registrationAttempt(name: string, signInLink: string, resetLink: string): MailText {
    return {
      subject: 'Someone tried to register with your email address',
      body: [
        greeting(name),
        '',
        'Someone just tried to create a Heardback account with this email address, which already has one.',
        'No new account was made and nothing about your account changed.',
        '',
        `If it was you, sign in: ${signInLink}`,
        `If you have forgotten your password, reset it: ${resetLink}`,
        '',
        'If it was not you, you need do nothing.',
        ...signature,
      ].join('\n'),
    };
  },

  passwordChanged(name: string, resetLink: string): MailText {
    return {
      subject: 'Your Heardback password was changed',
      body: [
        greeting(name),
        '',
        'The password of your Heardback account was just changed, and your other sessions were ended.',
        '',
        `If this was not you, reset your password now: ${resetLink}`,
        ...signature,
      ].join('\n'),
    };
  },

  signInLocked(name: string, lockedForSeconds: number, resetLink: string): MailText {
    return {
      subject: 'Several failed sign-ins to your Heardback account',
      body: [
        greeting(name),
        '',
        'Someone just tried several wrong passwords for your Heardback account.',
        `To keep it safe, your account is locked for ${waitInWords(lockedForSeconds)}: until then nobody can sign in to it, not even with the right password.`,
        '',
        `If it was not you, reset your password now: ${resetLink}`,
        'If it was you, wait, then sign in as usual (or reset your password if you have forgotten it).',
        ...signature,
      ].join('\n'),
    };
  },

  errors: {
    signInLocked: (retryAfterSeconds: number) =>
      `Too many failed sign-ins for this email address, so it is locked for now. Try again in ${waitInWords(retryAfterSeconds)}, or reset your password.`,
    tooManyFromClient: (retryAfterSeconds: number) =>
      `Too many attempts from your network in a short time. Try again in ${waitInWords(retryAfterSeconds)}.`,
    tooManyRegistrations: (retryAfterSeconds: number) =>
      `Too many registrations for this email address in a short time. Try again in ${waitInWords(retryAfterSeconds)}.`,
    tooManyForAccount: (retryAfterSeconds: number) =>
      `Too many attempts for this account in a short time. Try again in ${waitInWords(retryAfterSeconds)}.`,
    tooManyForLink: (retryAfterSeconds: number) =>
      `Too many attempts with this link in a short time. Try again in ${waitInWords(retryAfterSeconds)}.`,
    passwordCheckBusy: 'Many people are signing in at this moment. Wait a few seconds, then try again.',
    invalidCredentials:
      'That email and password do not match an account. If you have just registered, open the link we emailed you first.',
    accountDisabled: "This account has been disabled. Ask your agency's staff to re-enable it.",
    verificationLinkInvalid:
      'This confirmation link has expired or was already used. Sign in and ask for a new one from your profile.',
    resetLinkInvalid: 'This password reset link has expired or was already used. Ask for a new one.',
    invitationLinkInvalid:
      "This invitation has expired or was already used. If you have not chosen a password yet, ask the agency's staff to send it again.",
    invitationAlreadyAccepted: 'They have already accepted their invitation and chosen a password.',
    registrationLinkInvalid: 'This link to finish creating your account has expired or was already used.',
    registrationPasswordWrong:
      'This is not the password this link was made with. Check how you typed it, or try another of the links we sent; if none takes it, start again with a new password.',
    registrationAddressTaken:
      'This email address already has an account. Sign in, or reset your password if you do not know it.',
    currentPasswordWrong: 'is not your current password',
    cannotDisableSelf: 'You cannot disable your own account. Ask another staff member.',
    userNotFound: 'There is no such user.',
  },
} as const;
