import {
  AgencyJobDetail,
  ApplicationStatus,
  ApplicationView,
  CandidateApplicationView,
  ConsentsView,
  ErrorCode,
  JobDetail,
  PrivacyNoticeView,
  ScreeningQuestionKind,
} from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { count, database } from '../support/database';
import { apply, applyRequest, createOpenJob, registerCandidate, staffForTheseTests } from '../support/factories';

const QUESTIONS = [
  { kind: ScreeningQuestionKind.ShortText, prompt: 'What is your notice period?', required: true },
  { kind: ScreeningQuestionKind.YesNo, prompt: 'Do you have the right to work in the UK?', required: true },
  { kind: ScreeningQuestionKind.Choice, prompt: 'Your German?', required: false, options: ['None', 'B1', 'C1'] },
];

describe('applying: screening questions, the privacy notice and consent, applying again', () => {
  const staff = staffForTheseTests();

  async function jobWithQuestions(): Promise<JobDetail> {
    return createOpenJob(staff, { screeningQuestions: QUESTIONS });
  }

  function answersTo(job: JobDetail, notice: string, permit: string, german?: string) {
    const [q1, q2, q3] = job.screeningQuestions;
    return [
      { questionId: q1.id, answer: notice },
      { questionId: q2.id, answer: permit },
      ...(german === undefined ? [] : [{ questionId: q3.id, answer: german }]),
    ];
  }

  describe('screening questions', () => {
    it('keeps a job’s questions with ids, and shows them on the public job page', async () => {
      const job = await jobWithQuestions();
      const publicJob = (await new ApiSession().get<JobDetail>(`/api/jobs/${job.id}`)).body;
      expect(publicJob.screeningQuestions).toEqual([
        {
          id: expect.any(String),
          kind: 'short_text',
          prompt: 'What is your notice period?',
          required: true,
          options: [],
        },
        {
          id: expect.any(String),
          kind: 'yes_no',
          prompt: 'Do you have the right to work in the UK?',
          required: true,
          options: [],
        },
        {
          id: expect.any(String),
          kind: 'choice',
          prompt: 'Your German?',
          required: false,
          options: ['None', 'B1', 'C1'],
        },
      ]);
      expect(publicJob).not.toHaveProperty('myApplication');
    });

    it('refuses more than ten questions, a choice without two options and an empty prompt, field by field', async () => {
      const job = await jobWithQuestions();
      const eleven = Array.from({ length: 11 }, (_, i) => ({ kind: 'yes_no', prompt: `Q${i}?`, required: false }));
      const tooMany = await staff.patch(`/api/jobs/${job.id}`, { screeningQuestions: eleven });
      expect(tooMany.status).toBe(400);
      expect(asError(tooMany).details).toEqual([
        { field: 'screeningQuestions', reasons: ['Keep to 10 questions or fewer.'] },
      ]);

      const oneOption = await staff.patch(`/api/jobs/${job.id}`, {
        screeningQuestions: [{ kind: 'choice', prompt: 'Level?', required: true, options: ['Only'] }],
      });
      expect(oneOption.status).toBe(400);
      expect(asError(oneOption).details).toEqual([
        { field: 'screeningQuestions[0].options', reasons: ['A choice needs 2 to 10 options.'] },
      ]);

      const empty = await staff.patch(`/api/jobs/${job.id}`, {
        screeningQuestions: [{ kind: 'short_text', prompt: '  ', required: true }],
      });
      expect(empty.status).toBe(400);
      expect(asError(empty).details?.[0].field).toBe('screeningQuestions.0.prompt');
      expect((await staff.get<JobDetail>(`/api/jobs/${job.id}`)).body.screeningQuestions).toHaveLength(3);
    });

    it('refuses each wrong answer with its field and reason, and stores nothing', async () => {
      const job = await jobWithQuestions();
      const candidate = await registerCandidate();
      const before = await count('applications');
      const cases: [unknown[], { field: string; reasons: string[] }[]][] = [
        [
          answersTo(job, 'One month', 'yes').slice(0, 1),
          [{ field: 'answers', reasons: ['Answer “Do you have the right to work in the UK?”'] }],
        ],
        [
          [...answersTo(job, 'One month', 'yes'), { questionId: '00000000-0000-4000-8000-000000000000', answer: 'x' }],
          [{ field: 'answers[2]', reasons: ['This answers a question this job does not ask.'] }],
        ],
        [
          answersTo(job, 'One month', 'yes', 'Fluent'),
          [{ field: 'answers[2]', reasons: ['Choose one of: None, B1, C1.'] }],
        ],
        [answersTo(job, 'One month', 'perhaps'), [{ field: 'answers[1]', reasons: ['Answer yes or no.'] }]],
        [
          answersTo(job, 'x'.repeat(2001), 'no'),
          [{ field: 'answers[0]', reasons: ['Write at most 2,000 characters.'] }],
        ],
      ];
      for (const [answers, details] of cases) {
        const response = await candidate.session.post(`/api/jobs/${job.id}/applications`, {
          ...(await applyRequest(candidate.session)),
          answers,
        });
        expect(response.status).toBe(400);
        expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
        expect(asError(response).details).toEqual(details);
      }
      const missing = await candidate.session.post(`/api/jobs/${job.id}/applications`, {});
      expect(missing.status).toBe(400);
      expect(
        asError(missing)
          .details?.map((detail) => detail.field)
          .sort(),
      ).toEqual(['answers', 'privacyNoticeVersion']);
      expect(await count('applications')).toBe(before);
    });

    it('keeps the answers as they were asked: editing the job later changes nothing the recruiter reads', async () => {
      const job = await jobWithQuestions();
      const candidate = await registerCandidate();
      const applied = await apply(candidate.session, job.id, { answers: answersTo(job, ' One month ', 'yes', 'B1') });
      const [q1] = job.screeningQuestions;
      await staff.patch<AgencyJobDetail>(`/api/jobs/${job.id}`, {
        screeningQuestions: [{ id: q1.id, kind: 'short_text', prompt: 'When could you start?', required: true }],
      });
      const seen = await staff.get<ApplicationView>(`/api/applications/${applied.id}`);
      expect(seen.body.screeningAnswers).toEqual([
        { prompt: 'What is your notice period?', answer: 'One month' },
        { prompt: 'Do you have the right to work in the UK?', answer: 'Yes' },
        { prompt: 'Your German?', answer: 'B1' },
      ]);
      const edited = (await staff.get<JobDetail>(`/api/jobs/${job.id}`)).body.screeningQuestions;
      expect(edited).toEqual([
        { id: q1.id, kind: 'short_text', prompt: 'When could you start?', required: true, options: [] },
      ]);
    });
  });

  describe('privacy notice and consent', () => {
    it('records the application’s consent with the notice version and the time it was given', async () => {
      const job = await createOpenJob(staff);
      const candidate = await registerCandidate();
      const notice = (await new ApiSession().get<PrivacyNoticeView>('/api/privacy-notice')).body;
      expect(notice.text).toMatch(/12 months after/);
      const started = Date.now();
      const applied = await apply(candidate.session, job.id);
      const { rows } = await database().query(
        `SELECT kind, notice_version, given_at, withdrawn_at FROM consents WHERE application_id = $1`,
        [applied.id],
      );
      expect(rows).toEqual([
        { kind: 'application', notice_version: notice.version, given_at: expect.any(Date), withdrawn_at: null },
      ]);
      expect(rows[0].given_at.getTime()).toBeGreaterThanOrEqual(started - 5_000);
      const consents = await candidate.session.get<ConsentsView>('/api/me/consents');
      expect(consents.body).toEqual({ talentPool: null, openApplications: 1 });
    });

    it('refuses a stale notice version with 409 and stores nothing; staff publish, versions are never edited', async () => {
      const job = await createOpenJob(staff);
      const candidate = await registerCandidate();
      const read = await applyRequest(candidate.session);
      const text = 'Who we are, what we hold, why, who sees it, for how long, and your rights (revised).';
      const published = await staff.post<PrivacyNoticeView>('/api/privacy-notices', {
        text,
        basedOnVersion: read.privacyNoticeVersion,
      });
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ version: read.privacyNoticeVersion + 1, text });
      const overNewer = await staff.post('/api/privacy-notices', { text, basedOnVersion: read.privacyNoticeVersion });
      expect(overNewer.status).toBe(409);
      expect(asError(overNewer).code).toBe(ErrorCode.PrivacyNoticeChanged);
      expect((await candidate.session.post('/api/privacy-notices', { text: 'x', basedOnVersion: 1 })).status).toBe(403);

      const before = await count('applications');
      const refused = await candidate.session.post(`/api/jobs/${job.id}/applications`, read);
      expect(refused.status).toBe(409);
      expect(asError(refused).code).toBe(ErrorCode.PrivacyNoticeChanged);
      expect(asError(refused).message).toMatch(/changed since you read it/);
      expect(await count('applications')).toBe(before);
      await apply(candidate.session, job.id);

      const edit = database().query(`UPDATE privacy_notices SET text = 'changed' WHERE version = 1`);
      await expect(edit).rejects.toThrow(/never edited/);
    });

    it('gives the talent-pool consent at apply time, and lets the candidate withdraw and give it again', async () => {
      const job = await createOpenJob(staff);
      const candidate = await registerCandidate();
      await apply(candidate.session, job.id, { talentPool: true });
      const given = (await candidate.session.get<ConsentsView>('/api/me/consents')).body;
      expect(given.talentPool).toEqual({ noticeVersion: expect.any(Number), givenAt: expect.any(String) });

      const withdrawn = await candidate.session.delete<ConsentsView>('/api/me/consents/talent-pool');
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.talentPool).toBeNull();

      const body = { privacyNoticeVersion: given.talentPool?.noticeVersion };
      const again = await candidate.session.post<ConsentsView>('/api/me/consents/talent-pool', body);
      const twice = await candidate.session.post<ConsentsView>('/api/me/consents/talent-pool', body);
      expect([again.status, twice.status]).toEqual([200, 200]);
      expect(twice.body.talentPool).not.toBeNull();
      const { rows } = await database().query(
        `SELECT count(*)::int AS n, count(withdrawn_at)::int AS withdrawn FROM consents WHERE candidate_id = $1 AND kind = 'talent_pool'`,
        [candidate.id],
      );
      expect(rows[0]).toEqual({ n: 2, withdrawn: 1 });
      expect((await staff.get('/api/me/consents')).status).toBe(403);
    });
  });

  describe('the receipt', () => {
    it('emails the candidate that their application arrived, and by when they will hear, once', async () => {
      const job = await createOpenJob(staff, { title: 'Receipt Engineer' });
      const candidate = await registerCandidate('Rita Receipt');
      const applied = await apply(candidate.session, job.id);
      expect(applied.promise?.dueAt).toEqual(expect.any(String));
      const { rows } = await database().query<{ recipient_email: string; subject: string; body: string }>(
        `SELECT recipient_email, subject, body FROM notifications WHERE application_id = $1 AND kind = 'candidate_update'`,
        [applied.id],
      );
      expect(rows).toHaveLength(1);
      const [receipt] = rows;
      expect(receipt.recipient_email).toBe(candidate.email);
      expect(receipt.subject).toBe(`Application received: Receipt Engineer at ${job.clientName}`);
      expect(receipt.body).toContain('Hello Rita,');
      expect(receipt.body).toContain(`We have received your application for Receipt Engineer at ${job.clientName}.`);
      // The date the page promises is in the email, in words: the candidate's record outside the portal. The
      // candidate chose no zone: the agency's, which the test API runs in (London).
      const promised = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/London',
      }).format(new Date(applied.promise?.dueAt ?? 0));
      expect(receipt.body).toMatch(new RegExp(`What happens next: .*${promised}`));
      expect(receipt.body).toContain(`/me/applications/${applied.id}`);
    });
  });

  describe('withdrawing and applying again', () => {
    it('lets a withdrawn candidate apply again: a new application linked to the old one, consent withdrawn with it', async () => {
      const job = await createOpenJob(staff);
      const candidate = await registerCandidate();
      const first = await apply(candidate.session, job.id);
      const asCandidate = (await candidate.session.get<JobDetail>(`/api/jobs/${job.id}`)).body;
      expect(asCandidate.myApplication).toEqual({
        id: first.id,
        appliedAt: expect.any(String),
        status: ApplicationStatus.Applied,
        withdrawnAt: null,
      });

      const again = await candidate.session.post(
        `/api/jobs/${job.id}/applications`,
        await applyRequest(candidate.session),
      );
      expect(again.status).toBe(409);
      expect(asError(again).code).toBe(ErrorCode.AlreadyApplied);

      await candidate.session.post<CandidateApplicationView>(`/api/applications/${first.id}/withdraw`, {
        version: first.version,
        reason: 'I took another job.',
      });
      const withdrawnJob = (await candidate.session.get<JobDetail>(`/api/jobs/${job.id}`)).body;
      expect(withdrawnJob.myApplication).toMatchObject({ id: first.id, status: ApplicationStatus.Withdrawn });
      expect(withdrawnJob.myApplication?.withdrawnAt).toEqual(expect.any(String));

      const second = await apply(candidate.session, job.id);
      expect(second.id).not.toBe(first.id);
      expect(second.status).toBe(ApplicationStatus.Applied);
      const { rows } = await database().query(
        `SELECT a.previous_application_id, c.withdrawn_at IS NOT NULL AS first_consent_withdrawn
           FROM applications a JOIN consents c ON c.application_id = $2
          WHERE a.id = $1`,
        [second.id, first.id],
      );
      expect(rows).toEqual([{ previous_application_id: first.id, first_consent_withdrawn: true }]);
      expect((await candidate.session.get<JobDetail>(`/api/jobs/${job.id}`)).body.myApplication?.id).toBe(second.id);

      const third = await candidate.session.post(
        `/api/jobs/${job.id}/applications`,
        await applyRequest(candidate.session),
      );
      expect(third.status).toBe(409);
      expect(asError(third).code).toBe(ErrorCode.AlreadyApplied);
    });
  });
});
