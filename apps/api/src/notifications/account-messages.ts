/**
 * Every sentence an account holder reads about their account: the emails and the errors.
 * One module, so the words can be reviewed (and later translated) together.
 */
export interface MailText {
  subject: string;
  body: string;
}

const signature = ['', 'Heardback'];

export const accountMessages = {
  verifyEmail(name: string, link: string, validHours: number): MailText {
    return {
      subject: 'Confirm your email address for Heardback',
      body: [
        `Hello ${name},`,
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

  passwordReset(name: string, link: string, validMinutes: number): MailText {
    return {
      subject: 'Reset your Heardback password',
      body: [
        `Hello ${name},`,
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

  registrationAttempt(name: string, signInLink: string, resetLink: string): MailText {
    return {
      subject: 'Someone tried to register with your email address',
      body: [
        `Hello ${name},`,
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
        `Hello ${name},`,
        '',
        'The password of your Heardback account was just changed, and your other sessions were ended.',
        '',
        `If this was not you, reset your password now: ${resetLink}`,
        ...signature,
      ].join('\n'),
    };
  },

  errors: {
    invalidCredentials: 'That email and password do not match an account.',
    accountDisabled: "This account has been disabled. Ask your agency's staff to re-enable it.",
    verificationLinkInvalid:
      'This confirmation link has expired or was already used. Sign in and ask for a new one from your profile.',
    resetLinkInvalid: 'This password reset link has expired or was already used. Ask for a new one.',
    currentPasswordWrong: 'is not your current password',
    cannotDisableSelf: 'You cannot disable your own account. Ask another staff member.',
    userNotFound: 'There is no such user.',
  },
} as const;
