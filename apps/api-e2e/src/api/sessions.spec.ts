import { SessionView } from '@heardback/contracts';
import { accountApi } from '../support/account-api';
import { PASSWORD, uniqueEmail } from '../support/factories';
import { until } from '../support/outbox-waits';

jest.setTimeout(120_000);

const MAX_SESSIONS = 4;

/** sessions, over HTTP against the built API (issue 8). */
describe('sessions', () => {
  const harness = accountApi({ maxSessions: MAX_SESSIONS });
  const { browser, expectStatus, agencyUser, signIn, register } = harness;

  describe('sessions', () => {
    it('issues a new token at every sign-in and ends the one the browser held', async () => {
      const { email } = await agencyUser('recruiter');
      const session = await signIn(email);
      const first = session.sessionCookie;
      await expectStatus(session.post('/api/auth/login', { email, password: PASSWORD }), 200);
      expect(session.sessionCookie).not.toBe(first);
      const replay = browser();
      replay.sessionCookie = first;
      expect((await replay.get('/api/auth/me')).status).toBe(401);
      expect((await session.get('/api/auth/me')).status).toBe(200);
    });

    it('lists a user’s own sessions, marks this one, and revokes another', async () => {
      const candidate = await register();
      const laptop = await signIn(candidate.email);
      const list = await expectStatus(candidate.session.get<SessionView[]>('/api/me/sessions'), 200);
      expect(list.body).toHaveLength(2);
      expect(list.body.filter((session) => session.current)).toHaveLength(1);
      expect(list.body[0]).toEqual(
        expect.objectContaining({
          device: expect.any(String),
          createdAt: expect.any(String),
          lastSeenAt: expect.any(String),
        }),
      );
      const other = list.body.find((session) => !session.current);
      if (!other) throw new Error('no other session');
      const stranger = await register();
      expect((await stranger.session.request('DELETE', `/api/me/sessions/${other.id}`)).status).toBe(404);
      expect((await laptop.get('/api/auth/me')).status).toBe(200);
      expect((await candidate.session.request('DELETE', `/api/me/sessions/${other.id}`)).status).toBe(204);
      expect((await laptop.get('/api/auth/me')).status).toBe(401);
      expect((await candidate.session.get<SessionView[]>('/api/me/sessions')).body).toHaveLength(1);
    });

    it('ends an agency session after 30 idle minutes, a candidate’s only after days, and any at its absolute end', async () => {
      const recruiter = await agencyUser('recruiter');
      const recruiterSession = await signIn(recruiter.email);
      const candidate = await register();
      const idle = (userId: string, minutes: number) =>
        harness.pool.query(`UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) WHERE user_id = $1`, [
          userId,
          minutes,
        ]);
      await idle(recruiter.id, 29);
      expect((await recruiterSession.get('/api/auth/me')).status).toBe(200);
      await idle(recruiter.id, 31);
      expect((await recruiterSession.get('/api/auth/me')).status).toBe(401);
      await idle(candidate.id, 31);
      expect((await candidate.session.get('/api/auth/me')).status).toBe(200);
      await harness.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        candidate.id,
      ]);
      expect((await candidate.session.get('/api/auth/me')).status).toBe(401);
    });

    it('keeps at most the configured number of sessions per user, ending the least recently used', async () => {
      const { email, id } = await agencyUser('recruiter');
      const oldest = await signIn(email);
      await harness.pool.query(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [
        id,
      ]);
      const others = [];
      for (let index = 0; index < MAX_SESSIONS; index++) others.push(await signIn(email));
      expect((await oldest.get('/api/auth/me')).status).toBe(401);
      for (const session of others) expect((await session.get('/api/auth/me')).status).toBe(200);
      const { rows } = await harness.pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [id]);
      expect(rows[0].n).toBe(MAX_SESSIONS);
    });

    it('purges ended sessions and spent tokens in the background', async () => {
      const { id } = await agencyUser('recruiter');
      await harness.pool.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
         VALUES (decode(md5(random()::text), 'hex'), $1, now() - interval '2 hours', now() - interval '2 hours', now() + interval '1 hour'),
                (decode(md5(random()::text), 'hex'), $1, now(), now(), now() + interval '1 hour')`,
        [id],
      );
      const remaining = async () =>
        (await harness.pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [id])).rows[0].n;
      await harness.purgeInBackground(async () => (await remaining()) === 1);
      expect(await remaining()).toBe(1);
    });

    it('purges a registration never finished, and the email that carried its link, once the link has run out', async () => {
      const stale = uniqueEmail('never-finished');
      const fresh = uniqueEmail('still-waiting');
      for (const email of [stale, fresh]) {
        const answer = await harness
          .browser()
          .post('/api/auth/register', { email, password: PASSWORD, fullName: 'Nor Finished' });
        expect(answer.status).toBe(202);
      }
      // Sent first: the purge leaves a message alone while the sender is handing it over.
      await until(async () => {
        const { rows } = await harness.pool.query(
          `SELECT 1 FROM notifications WHERE recipient_email = $1 AND status = 'sent'`,
          [stale],
        );
        return rows.length === 1;
      }, 'the link reaches the never-finished address');
      await harness.pool.query(
        `UPDATE registrations SET created_at = created_at - interval '49 hours', expires_at = expires_at - interval '49 hours'
          WHERE email = $1`,
        [stale],
      );
      await harness.pool.query(
        `UPDATE notifications SET created_at = created_at - interval '49 hours' WHERE recipient_email = $1`,
        [stale],
      );
      const kept = async (email: string) => {
        const { rows } = await harness.pool.query<{ registrations: number; emails: number }>(
          `SELECT (SELECT count(*)::int FROM registrations WHERE email = $1) AS registrations,
                  (SELECT count(*)::int FROM notifications WHERE recipient_email = $1) AS emails`,
          [email],
        );
        return rows[0];
      };
      expect(await kept(stale)).toEqual({ registrations: 1, emails: 1 });

      await harness.purgeInBackground(async () => (await kept(stale)).emails === 0);
      expect(await kept(stale)).toEqual({ registrations: 0, emails: 0 });
      expect(await kept(fresh)).toEqual({ registrations: 1, emails: 1 });
    });
  });
});
