import {
  ApiError,
  CandidateApplicationView,
  ErrorCode,
  NotificationPage,
  SATISFACTION_MIN_RESPONSES,
  SATISFACTION_WORDS_MAX_LENGTH,
  SatisfactionView,
  SatisfactionWordsPage,
  UserRole,
} from '@heardback/contracts';
import { createHash } from 'node:crypto';
import { ApiSession } from '../support/api-client';
import {
  PASSWORD,
  apply,
  createOpenJob,
  expectStatus,
  insertAgencyUser,
  registerCandidateOn,
  signIn,
} from '../support/factories';
import { ownApi } from '../support/own-api';
import { fastOutbox, until } from '../support/outbox-waits';
import { TestSmtpServer } from '../support/test-smtp-server';

jest.setTimeout(120_000);

/** A message as a person reads it: the raw message with quoted-printable soft breaks and escapes undone. */
function readable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('candidate satisfaction: "how did we do" when an application closes (issue 13, item 5)', () => {
  const smtp = new TestSmtpServer();
  const env: Record<string, string> = { ...fastOutbox };
  // Before ownApi's own beforeAll, which reads `env` when it starts the API: the mail goes to this server.
  beforeAll(async () => {
    env['SMTP_URL'] = await smtp.start();
  });
  afterAll(() => smtp.stop());
  const api = ownApi(env);

  let staff: ApiSession;
  beforeAll(async () => {
    staff = api.browser();
    await signIn(staff, (await insertAgencyUser(api.pool, UserRole.Staff)).email);
  });

  /** A verified candidate (mail to an unverified address waits) with an application on `jobId`. */
  async function candidateOn(jobId: string, name = 'Satisfied Candidate') {
    const candidate = await registerCandidateOn(api, name, undefined, smtp);
    await api.pool.query('UPDATE users SET email_verified_at = now() WHERE id = $1', [candidate.id]);
    const application = await apply(candidate.session, jobId);
    return { ...candidate, application };
  }

  async function reject(application: CandidateApplicationView): Promise<void> {
    expectStatus(
      await staff.post(`/api/applications/${application.id}/reject`, {
        candidateMessage: 'The client chose someone with more Rust.',
        version: application.version,
      }),
      200,
      'reject',
    );
  }

  /** The newest mail to `address` whose subject starts with `subject`, once it has arrived. */
  async function mailTo(address: string, subject: string): Promise<string> {
    const find = () =>
      smtp.received
        .filter((mail) => mail.to.includes(address.toLowerCase()))
        .map((mail) => readable(mail.raw))
        .filter((text) => new RegExp(`^Subject: ${subject}`, 'm').test(text))
        .at(-1);
    await until(async () => find() !== undefined, `"${subject}" reached ${address}`);
    return find() as string;
  }

  function tokenIn(mail: string): string {
    const match = /\/how-did-we-do#t=([\w-]+)&recommend=8\b/.exec(mail);
    if (!match) throw new Error(`No one-click answer in:\n${mail}`);
    return match[1];
  }

  const answer = (body: Record<string, unknown>) =>
    api.browser().post<SatisfactionView>('/api/satisfaction/answer', body);

  it('asks both questions in the closing email of a rejection, and one click records the answer', async () => {
    const job = await createOpenJob(staff);
    const candidate = await candidateOn(job.id);
    await reject(candidate.application);

    const mail = await mailTo(candidate.email, 'A decision on your application');
    expect(mail).toContain('How likely are you to recommend us?');
    expect(mail).toContain('Did you feel kept informed?');
    const token = tokenIn(mail);
    const page = `${/(https?:\/\/\S+?)\/how-did-we-do#/.exec(mail)?.[1]}/how-did-we-do#t=${token}`;
    const escaped = page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Eleven links, 0 to 10, each alone on its line.
    for (let score = 0; score <= 10; score++) {
      expect(mail).toMatch(new RegExp(`^${score}: ${escaped}&recommend=${score}\r?$`, 'm'));
    }
    expect(mail).toContain(`Yes: ${page}&informed=yes`);
    expect(mail).toContain(`No: ${page}&informed=no`);
    // Only the token's hash is kept.
    const { rows } = await api.pool.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM satisfaction_invitations WHERE application_id = $1',
      [candidate.application.id],
    );
    expect(rows[0].token_hash.equals(createHash('sha256').update(token).digest())).toBe(true);
    // The token reads and changes an anonymous answer: once sent, the outbox keeps the email without it,
    // and staff's outgoing mail never shows it.
    const outbox = async () =>
      (
        await api.pool.query<{ status: string; body: string }>(
          `SELECT status, body FROM notifications WHERE application_id = $1 AND kind = 'candidate_update'
            AND body LIKE '%how-did-we-do%'`,
          [candidate.application.id],
        )
      ).rows;
    await until(async () => (await outbox())[0]?.status === 'sent', 'the closing email is marked sent');
    const [kept] = await outbox();
    expect(kept.body).not.toContain(token);
    expect(kept.body).toContain('/how-did-we-do#t=(link sent)&recommend=8');
    const outgoing = await staff.get<NotificationPage>(
      `/api/agency/notifications?applicationId=${candidate.application.id}`,
    );
    expect(outgoing.status).toBe(200);
    expect(JSON.stringify(outgoing.body)).not.toContain(token);

    const clicked = await answer({ token, recommendScore: 8 });
    expect(clicked.status).toBe(200);
    expect(clicked.body.answer).toMatchObject({ recommendScore: 8, keptInformed: null, words: null });
    expect(clicked.body).toMatchObject({ jobTitle: job.title, answerable: true });

    // The page then sends both answers and words: the same row changes, the score kept.
    const sent = await answer({ token, keptInformed: false, words: '  Two weeks of silence after the final.  ' });
    expect(sent.status).toBe(200);
    expect(sent.body.answer).toMatchObject({
      recommendScore: 8,
      keptInformed: false,
      words: 'Two weeks of silence after the final.',
    });
    const mine = await candidate.session.get<SatisfactionView>(
      `/api/me/applications/${candidate.application.id}/satisfaction`,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.answer).toEqual(sent.body.answer);
    const stored = await api.pool.query(
      'SELECT recommend_score, kept_informed FROM satisfaction_responses WHERE application_id = $1',
      [candidate.application.id],
    );
    expect(stored.rows).toEqual([{ recommend_score: 8, kept_informed: false }]);
  });

  it('asks when the job closes and when the candidate accepts the offer, and not when they withdraw', async () => {
    const closing = await createOpenJob(staff);
    const onClosedJob = await candidateOn(closing.id);
    expectStatus(
      await staff.post(`/api/jobs/${closing.id}/close`, {
        outcome: 'closed',
        candidateMessage: 'The role was cancelled.',
      }),
      202,
      'close the job (its closing messages go out in the background)',
    );
    expect(await mailTo(onClosedJob.email, 'The job has closed')).toMatch(/how-did-we-do#t=[\w-]+&recommend=8/);

    const hiring = await createOpenJob(staff, { pipeline: ['Chat'] });
    const hired = await candidateOn(hiring.id);
    const offered = await staff.post<{ version: number }>(`/api/applications/${hired.application.id}/offer`, {
      version: hired.application.version,
    });
    expectStatus(offered, 200, 'offer');
    expectStatus(
      await hired.session.post(`/api/applications/${hired.application.id}/offer/accept`, {
        version: offered.body.version,
      }),
      200,
      'accept',
    );
    expect(await mailTo(hired.email, 'You accepted the offer')).toMatch(/how-did-we-do#t=[\w-]+&recommend=8/);

    const leaving = await createOpenJob(staff);
    const withdrawn = await candidateOn(leaving.id);
    expectStatus(
      await withdrawn.session.post(`/api/applications/${withdrawn.application.id}/withdraw`, {
        reason: 'Found something closer to home',
        version: withdrawn.application.version,
      }),
      200,
      'withdraw',
    );
    const invitations = await api.pool.query('SELECT 1 FROM satisfaction_invitations WHERE application_id = $1', [
      withdrawn.application.id,
    ]);
    expect(invitations.rows).toHaveLength(0);
    expect((await withdrawn.session.get(`/api/me/applications/${withdrawn.application.id}/satisfaction`)).status).toBe(
      404,
    );
  });

  it('refuses a token it never sent (404) and bad answers with a 400 naming the field, writing nothing', async () => {
    const job = await createOpenJob(staff);
    const candidate = await candidateOn(job.id);
    await reject(candidate.application);
    const token = tokenIn(await mailTo(candidate.email, 'A decision on your application'));

    const unknown = await answer({ token: `${token.slice(0, -2)}xx`, recommendScore: 8 });
    expect(unknown.status).toBe(404);
    expect((unknown.body as unknown as ApiError).code).toBe(ErrorCode.NotFound);

    const refusals: [Record<string, unknown>, string][] = [
      [{ token, recommendScore: 11 }, 'recommendScore'],
      [{ token, recommendScore: 7.5 }, 'recommendScore'],
      [{ token, keptInformed: 'yes' }, 'keptInformed'],
      [{ token, recommendScore: 8, words: 'x'.repeat(SATISFACTION_WORDS_MAX_LENGTH + 1) }, 'words'],
      [{ token }, 'recommendScore'],
      [{ recommendScore: 8 }, 'token'],
    ];
    for (const [body, field] of refusals) {
      const refused = await answer(body);
      expect({ field, status: refused.status }).toEqual({ field, status: 400 });
      const error = refused.body as unknown as ApiError;
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.details?.map((detail) => detail.field)).toContain(field);
    }
    // Words alone cannot stand as an answer until a question is answered.
    expect((await answer({ token, words: 'Kind people.' })).status).toBe(400);
    const stored = await api.pool.query('SELECT 1 FROM satisfaction_responses WHERE application_id = $1', [
      candidate.application.id,
    ]);
    expect(stored.rows).toHaveLength(0);
  });

  it(`takes no answer once the time to answer has passed (410), and shows the answer given`, async () => {
    const job = await createOpenJob(staff);
    const candidate = await candidateOn(job.id);
    await reject(candidate.application);
    const token = tokenIn(await mailTo(candidate.email, 'A decision on your application'));
    expect((await answer({ token, keptInformed: true })).status).toBe(200);
    await api.pool.query(`UPDATE applications SET closed_at = now() - interval '31 days' WHERE id = $1`, [
      candidate.application.id,
    ]);
    const late = await answer({ token, recommendScore: 2 });
    expect(late.status).toBe(410);
    expect((late.body as unknown as ApiError).code).toBe(ErrorCode.SatisfactionClosed);
    const path = `/api/me/applications/${candidate.application.id}/satisfaction`;
    expect((await candidate.session.put(path, { recommendScore: 2 })).status).toBe(410);
    const view = await candidate.session.get<SatisfactionView>(path);
    expect(view.body).toMatchObject({ answerable: false, answer: { keptInformed: true, recommendScore: null } });
  });

  it('lets a signed-in candidate answer on their own closed application only', async () => {
    const job = await createOpenJob(staff);
    const candidate = await candidateOn(job.id);
    const other = await candidateOn(job.id, 'Other Candidate');
    const path = (id: string) => `/api/me/applications/${id}/satisfaction`;

    // Still open: nothing to answer about.
    expect((await candidate.session.get(path(candidate.application.id))).status).toBe(404);
    expect((await candidate.session.put(path(candidate.application.id), { recommendScore: 9 })).status).toBe(404);
    await reject(candidate.application);
    await reject(other.application);
    // Someone else's closed application looks exactly like one that does not exist.
    expect((await candidate.session.get(path(other.application.id))).status).toBe(404);
    expect((await candidate.session.put(path(other.application.id), { recommendScore: 0 })).status).toBe(404);
    expect((await candidate.session.get(path('not-an-id'))).status).toBe(404);
    expect((await staff.get(path(candidate.application.id))).status).toBe(403);

    const before = await candidate.session.get<SatisfactionView>(path(candidate.application.id));
    expect(before.body).toMatchObject({ answer: null, answerable: true, jobTitle: job.title });
    const put = await candidate.session.put<SatisfactionView>(path(candidate.application.id), {
      recommendScore: 9,
      keptInformed: true,
    });
    expect(put.status).toBe(200);
    expect(put.body.answer).toMatchObject({ recommendScore: 9, keptInformed: true, words: null });
    const refused = await candidate.session.put(path(candidate.application.id), { recommendScore: 11 });
    expect(refused.status).toBe(400);
    expect((refused.body as ApiError).details?.[0]?.field).toBe('recommendScore');
    const { rows } = await api.pool.query(
      'SELECT recommend_score FROM satisfaction_responses WHERE application_id = ANY($1)',
      [[candidate.application.id, other.application.id]],
    );
    expect(rows).toEqual([{ recommend_score: 9 }]);
  });

  it(`shows the agency candidates' words only from ${SATISFACTION_MIN_RESPONSES} answers in the scope, never who wrote them`, async () => {
    const recruiter = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Words Recruiter');
    const recruiterSession = await signIn(api.browser(), recruiter.email);
    const job = await createOpenJob(staff, { ownerId: recruiter.id });
    const names = Array.from({ length: SATISFACTION_MIN_RESPONSES }, (_, index) => `Anonymous Person${index}`);
    const people: Awaited<ReturnType<typeof candidateOn>>[] = [];
    for (const name of names) people.push(await candidateOn(job.id, name));
    const answerAs = async (index: number, words: string | undefined) => {
      const person = people[index];
      await reject(person.application);
      expectStatus(
        await person.session.put(`/api/me/applications/${person.application.id}/satisfaction`, {
          recommendScore: index,
          keptInformed: index % 2 === 0,
          ...(words ? { words } : {}),
        }),
        200,
        'answer',
      );
    };
    const words = (query: string, session = staff) =>
      session.get<SatisfactionWordsPage>(`/api/satisfaction/words?jobId=${job.id}${query}`);

    for (let index = 0; index < SATISFACTION_MIN_RESPONSES - 1; index++) {
      await answerAs(index, index === 1 ? undefined : `Words number ${index}`);
    }
    const tooFew = await words('');
    expect(tooFew.status).toBe(200);
    // Not even how many answered: "one answer on that job" is a clue too.
    expect(tooFew.body).toEqual({
      responses: null,
      minimumResponses: SATISFACTION_MIN_RESPONSES,
      shown: false,
      items: [],
      total: 0,
      nextCursor: null,
    });

    await answerAs(SATISFACTION_MIN_RESPONSES - 1, 'Words number last');
    const first = await words('&limit=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      responses: SATISFACTION_MIN_RESPONSES,
      shown: true,
      total: SATISFACTION_MIN_RESPONSES - 1,
    });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toEqual({
      words: expect.stringMatching(/^Words number /),
      recommendScore: expect.any(Number),
      keptInformed: expect.any(Boolean),
      answeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const pages = [first.body];
    while (pages.at(-1)?.nextCursor) {
      const next = await words(`&limit=2&cursor=${encodeURIComponent(pages.at(-1)?.nextCursor ?? '')}`);
      expect(next.status).toBe(200);
      pages.push(next.body);
    }
    const all = pages.flatMap((page) => page.items.map((item) => item.words));
    expect(all.sort()).toEqual(['Words number 0', 'Words number 2', 'Words number 3', 'Words number last'].sort());
    // Nothing in any page names a person or an application, not even inside the cursor.
    const seen =
      JSON.stringify(pages) + pages.map((page) => Buffer.from(page.nextCursor ?? '', 'base64url').toString()).join('');
    for (const person of people) {
      expect(seen).not.toContain(person.application.id);
      expect(seen).not.toContain(person.id);
      expect(seen).not.toContain(person.email);
    }
    for (const name of names) expect(seen).not.toContain(name);

    // A window of a millisecond is read as its whole day (the agency's): narrowing the period until
    // one answer stands alone tells nothing. Within a day, the words come in the order of what they say.
    const { rows: answered } = await api.pool.query<{ at: Date }>(
      'SELECT max(answered_at) AS at FROM satisfaction_responses WHERE application_id = ANY($1)',
      [people.map((person) => person.application.id)],
    );
    const last = answered[0].at.getTime();
    const window = (from: number, to: number) =>
      words(`&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`);
    // The millisecond of the last answer, and the one after it, in which nobody answered.
    const instant = await window(last, last + 1);
    const after = await window(last + 1, last + 2);
    expect(instant.status).toBe(200);
    expect(instant.body).toEqual(after.body);
    const byDay = new Map<string, string[]>();
    for (const item of (await words('')).body.items) {
      byDay.set(item.answeredOn, [...(byDay.get(item.answeredOn) ?? []), item.words]);
    }
    for (const day of byDay.values()) expect(day).toEqual([...day].sort());

    // The recruiter reads their own applications' words, all together; not by job or client, where
    // what is shown and withheld could be compared; not another recruiter's; a candidate reads none.
    const own = await recruiterSession.get<SatisfactionWordsPage>('/api/satisfaction/words');
    expect(own.body.shown).toBe(true);
    const ownId = (await recruiterSession.get<{ id: string }>('/api/auth/me')).body.id;
    const ownInCapitals = await recruiterSession.get<SatisfactionWordsPage>(
      `/api/satisfaction/words?recruiterId=${ownId.toUpperCase()}`,
    );
    expect(ownInCapitals.status).toBe(200);
    expect(ownInCapitals.body).toEqual(own.body);
    for (const narrowed of [`jobId=${job.id}`, `clientId=${job.clientId}`]) {
      const refused = await recruiterSession.get<ApiError>(`/api/satisfaction/words?${narrowed}`);
      expect(refused.status).toBe(403);
      expect(refused.body.details?.[0]?.field).toBe(narrowed.split('=')[0]);
    }
    const otherRecruiter = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Other Recruiter');
    expect((await recruiterSession.get(`/api/satisfaction/words?recruiterId=${otherRecruiter.id}`)).status).toBe(403);
    const otherSession = await signIn(api.browser(), otherRecruiter.email);
    expect((await otherSession.get<SatisfactionWordsPage>('/api/satisfaction/words')).body).toMatchObject({
      shown: false,
      responses: null,
    });
    expect((await words('', people[0].session)).status).toBe(403);
    // A period long past holds none of them; two scopes at once is a 400 naming the narrower.
    const past = await words('&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z');
    expect(past.body).toMatchObject({ responses: null, shown: false });
    const twoScopes = await staff.get<ApiError>(`/api/satisfaction/words?jobId=${job.id}&clientId=${job.clientId}`);
    expect(twoScopes.status).toBe(400);
    expect(twoScopes.body.details?.[0]?.field).toBe('jobId');
    expect((await words('&cursor=bm9wZQ')).status).toBe(400);
  });

  it("erasing the account removes the candidate's words; their score stays, anonymous", async () => {
    const job = await createOpenJob(staff);
    const candidate = await candidateOn(job.id);
    await reject(candidate.application);
    expectStatus(
      await candidate.session.put(`/api/me/applications/${candidate.application.id}/satisfaction`, {
        recommendScore: 3,
        words: 'Please call people back.',
      }),
      200,
      'answer',
    );
    const erased = await candidate.session.request('DELETE', '/api/me', { password: PASSWORD });
    expect(erased.status).toBe(204);
    const { rows } = await api.pool.query(
      'SELECT recommend_score, words FROM satisfaction_responses WHERE application_id = $1',
      [candidate.application.id],
    );
    expect(rows).toEqual([{ recommend_score: 3, words: null }]);
    const invitations = await api.pool.query('SELECT 1 FROM satisfaction_invitations WHERE application_id = $1', [
      candidate.application.id,
    ]);
    expect(invitations.rows).toHaveLength(0);
  });
});

describe('answering by token is rate-limited per client address', () => {
  const api = ownApi({ RUN_BACKGROUND: 'false', RATE_LIMIT_SATISFACTION_ANSWERS_PER_CLIENT: '3/1h' });

  it('refuses guesses past the limit with 429 and Retry-After, whatever the token', async () => {
    const visitor = api.browser();
    for (let guess = 0; guess < 3; guess++) {
      expect(
        (await visitor.post('/api/satisfaction/answer', { token: `guess-${guess}`, recommendScore: 5 })).status,
      ).toBe(404);
    }
    const refused = await visitor.post<ApiError>('/api/satisfaction/answer', { token: 'guess-3', recommendScore: 5 });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe(ErrorCode.TooManyRequests);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
