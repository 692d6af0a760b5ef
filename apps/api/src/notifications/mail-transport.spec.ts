import { loadConfig } from '../config/app-config';
import { fileMailWarning } from './mail-transport';

describe('fileMailWarning', () => {
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/heardback', MAIL_DIR: '/srv/mail' };

  it('warns in production when mail goes to files, naming where', () => {
    const warning = fileMailWarning(loadConfig({ ...base, NODE_ENV: 'production' }, '/srv'));
    expect(warning).toContain('No SMTP_URL: every email, with the sign-in and review links in it, is written');
    expect(warning).toContain('/srv/mail');
  });

  it('says nothing once SMTP is set, or outside production', () => {
    expect(
      fileMailWarning(loadConfig({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25' }, '/srv')),
    ).toBeNull();
    expect(fileMailWarning(loadConfig({ ...base, NODE_ENV: 'development' }, '/srv'))).toBeNull();
  });
});
