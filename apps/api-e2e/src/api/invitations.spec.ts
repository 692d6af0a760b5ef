import {
  ACCEPT_INVITATION_PAGE_PATH,
  AgencyUserPage,
  AgencyUserView,
  AuditAction,
  ErrorCode,
  InvitationLinkView,
  UserView,
} from '@heardback/contracts';
import { asError } from '../support/api-client';
import { accountApi } from '../support/account-api';
import { INVITATION_SUBJECT, uniqueEmail } from '../support/factories';
import { tokenFrom } from '../support/mailbox';

jest.setTimeout(120_000);

const CHOSEN_PASSWORD = 'lighthouse keeper at low tide';

/** Agency accounts by invitation (ADR 0082), over HTTP against an API whose sender writes every email to a file. */
describe('agency invitations', () => {
  const harness = accountApi({ maxSessions: 4 });
  const { browser, expectStatus, agencyUser, signIn } = harness;

  async function invite(
    staffSession: Awaited<ReturnType<typeof signIn>>,
    fullName: string,
    email = uniqueEmail('inv'),
  ) {
    const created = await expectStatus(
      staffSession.post<AgencyUserView>('/api/users', { email, fullName, role: 'recruiter' }),
      201,
    );
    return { email, view: created.body };
  }

  const stored = async (userId: string) =>
    (
      await harness.pool.query<{ email_verified_at: Date | null; invited_at: Date | null }>(
        'SELECT email_verified_at, invited_at FROM users WHERE id = $1',
        [userId],
      )
    ).rows[0];

  it('emails the invited person a link where they choose their own password, which signs them in', async () => {
    const staffUser = await agencyUser('staff');
    const staff = await signIn(staffUser.email);
    const { email, view } = await invite(staff, 'Ines Invited');
    expect(view).toMatchObject({ email, fullName: 'Ines Invited', role: 'recruiter', disabledAt: null });
    expect(view.invitationSentAt).toEqual(expect.any(String));

    const [mail] = await harness.mailbox.waitFor(email, 1);
    expect(mail.subject).toBe(INVITATION_SUBJECT);
    expect(mail.body).toContain('Sam Staff has made you a Heardback account as a recruiter');
    expect(mail.body).toContain('for 7 days');
    const token = tokenFrom(mail, ACCEPT_INVITATION_PAGE_PATH);

    // Until a password is chosen, no password signs in: staff never chose one.
    for (const password of ['password', CHOSEN_PASSWORD]) {
      const refused = await browser().post('/api/auth/login', { email, password });
      expect(refused.status).toBe(401);
    }

    const link = await expectStatus(browser().post<InvitationLinkView>('/api/auth/invitation/link', { token }), 200);
    expect(link.body).toEqual({ email, fullName: 'Ines Invited' });
    const forged = await browser().post('/api/auth/invitation/link', { token: 'not-a-token' });
    expect(asError(forged).code).toBe(ErrorCode.TokenInvalid);

    const weak = await browser().post('/api/auth/invitation/accept', { token, password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(asError(weak).details?.[0].field).toBe('password');

    const invitee = browser();
    const accepted = await expectStatus(
      invitee.post<UserView>('/api/auth/invitation/accept', { token, password: CHOSEN_PASSWORD }),
      200,
    );
    expect(accepted.body).toMatchObject({ email, role: 'recruiter', emailVerified: true });
    expect((await invitee.get<UserView>('/api/auth/me')).body.email).toBe(email);
    expect((await stored(view.id)).email_verified_at).not.toBeNull();

    // The link works once; the chosen password signs in anywhere.
    const twice = await browser().post('/api/auth/invitation/accept', {
      token,
      password: 'another fine sentence here',
    });
    expect(asError(twice).code).toBe(ErrorCode.TokenInvalid);
    await signIn(email, CHOSEN_PASSWORD);

    // Staff see the invitation as accepted, and cannot send it again.
    const listed = await expectStatus(staff.get<AgencyUserPage>(`/api/users?q=${encodeURIComponent(email)}`), 200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: view.id, invitationSentAt: null })]);
    const again = await staff.post(`/api/users/${view.id}/invitation`);
    expect(again.status).toBe(409);
    expect(asError(again).code).toBe(ErrorCode.Conflict);
    const audit = await harness.pool.query<{ action: string; changes: unknown }>(
      'SELECT action, changes FROM audit_events WHERE entity_id = $1',
      [view.id],
    );
    expect(audit.rows.map((row) => row.action).sort()).toEqual(
      [AuditAction.UserCreated, AuditAction.UserInvitationAccepted].sort(),
    );
    expect(JSON.stringify(audit.rows)).not.toMatch(/password|hash|argon2|lighthouse/i);
  });

  it('sends a pending invitation again with a new link, and the earlier link stops working', async () => {
    const staff = await signIn((await agencyUser('staff')).email);
    const { email, view } = await invite(staff, 'Otto Overlooked');
    const [first] = await harness.mailbox.waitFor(email, 1);
    const firstToken = tokenFrom(first, ACCEPT_INVITATION_PAGE_PATH);
    const firstSentAt = (await stored(view.id)).invited_at;

    const recruiter = await signIn((await agencyUser('recruiter')).email);
    expect((await recruiter.post(`/api/users/${view.id}/invitation`)).status).toBe(403);
    expect((await staff.post('/api/users/00000000-0000-4000-8000-000000000000/invitation')).status).toBe(404);

    const resent = await expectStatus(staff.post<AgencyUserView>(`/api/users/${view.id}/invitation`), 200);
    expect(resent.body.invitationSentAt).toEqual(expect.any(String));
    expect(new Date(resent.body.invitationSentAt ?? 0).getTime()).toBeGreaterThanOrEqual(firstSentAt?.getTime() ?? 0);
    const mails = await harness.mailbox.waitFor(email, 2);
    const secondToken = tokenFrom(mails[1], ACCEPT_INVITATION_PAGE_PATH);
    expect(secondToken).not.toBe(firstToken);

    const stale = await browser().post('/api/auth/invitation/accept', { token: firstToken, password: CHOSEN_PASSWORD });
    expect(asError(stale).code).toBe(ErrorCode.TokenInvalid);
    expect(asError(stale).message).toMatch(/ask the agency's staff to send it again/);

    // A disabled account's invitation is neither sent again nor accepted.
    await expectStatus(staff.post(`/api/users/${view.id}/disable`), 200);
    expect(asError(await staff.post(`/api/users/${view.id}/invitation`)).code).toBe(ErrorCode.AccountDisabled);
    const whileDisabled = await browser().post('/api/auth/invitation/accept', {
      token: secondToken,
      password: CHOSEN_PASSWORD,
    });
    expect(asError(whileDisabled).code).toBe(ErrorCode.AccountDisabled);
    await expectStatus(staff.post(`/api/users/${view.id}/enable`), 200);
    await expectStatus(
      browser().post('/api/auth/invitation/accept', { token: secondToken, password: CHOSEN_PASSWORD }),
      200,
    );

    const actions = await harness.pool.query<{ action: string }>(
      'SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id',
      [view.id],
    );
    expect(actions.rows.map((row) => row.action)).toEqual([
      AuditAction.UserCreated,
      AuditAction.UserInvitationResent,
      AuditAction.UserDisabled,
      AuditAction.UserEnabled,
      AuditAction.UserInvitationAccepted,
    ]);
  });

  it('lets no leftover invitation change the password of an account already in use', async () => {
    const staff = await signIn((await agencyUser('staff')).email);
    const { email, view } = await invite(staff, 'Rhea Reset');
    const [invitation] = await harness.mailbox.waitFor(email, 1);
    const token = tokenFrom(invitation, ACCEPT_INVITATION_PAGE_PATH);

    // They never open the invitation: they ask for a reset link instead, which also proves the address.
    await expectStatus(browser().post('/api/auth/password-reset', { email }), 202);
    const [, reset] = await harness.mailbox.waitFor(email, 2);
    const owner = browser();
    await expectStatus(
      owner.post('/api/auth/password-reset/confirm', {
        token: tokenFrom(reset, '/reset-password'),
        password: CHOSEN_PASSWORD,
      }),
      200,
    );
    expect((await stored(view.id)).email_verified_at).not.toBeNull();

    // Whoever holds the old invitation learns nothing from it, and cannot take the account over with it.
    expect(asError(await browser().post('/api/auth/invitation/link', { token })).code).toBe(ErrorCode.TokenInvalid);
    const takeover = await browser().post('/api/auth/invitation/accept', { token, password: 'mallory owns this now' });
    expect(asError(takeover).code).toBe(ErrorCode.TokenInvalid);
    expect((await owner.get('/api/auth/me')).status).toBe(200);
    await signIn(email, CHOSEN_PASSWORD);
  });

  it('refuses an address that has an account, and a password in the invitation, writing nothing', async () => {
    const staff = await signIn((await agencyUser('staff')).email);
    const { email } = await invite(staff, 'Taken Twice');
    const taken = await staff.post('/api/users', { email, fullName: 'Someone Else', role: 'staff' });
    expect(asError(taken).code).toBe(ErrorCode.EmailTaken);
    const withPassword = await staff.post('/api/users', {
      email: 'pw-none@example.test',
      fullName: 'Pat Password',
      role: 'recruiter',
      password: CHOSEN_PASSWORD,
    });
    expect(withPassword.status).toBe(400);
    expect(asError(withPassword).details?.[0].field).toBe('password');
    const written = await harness.pool.query<{ email: string; invitations: string }>(
      `SELECT u.email, (SELECT count(*) FROM notifications n WHERE n.recipient_email = u.email AND n.subject = $3) AS invitations
         FROM users u WHERE u.email IN ($1, $2)`,
      [email, 'pw-none@example.test', INVITATION_SUBJECT],
    );
    // The first invitation only: the taken address got no second account and no second email.
    expect(written.rows).toEqual([{ email, invitations: '1' }]);
  });
});
