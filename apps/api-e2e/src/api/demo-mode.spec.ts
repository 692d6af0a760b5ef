import {
  AboutView,
  ApplicationView,
  ClientDetailView,
  ClientFeedbackDraftView,
  ClientPage,
  FeedbackQueuePage,
  DEMO_MODE_WARNING,
  EmploymentType,
  JOB_SEARCH_MAX_LIMIT,
  JobBoardPage,
  PayPeriod,
} from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { ownApi } from '../support/own-api';

describe('demo mode is visible', () => {
  it('says demo is off when no demo data is loaded', async () => {
    const about = await new ApiSession().get<AboutView>('/api/about');
    expect(about.status).toBe(200);
    expect(about.body).toEqual({ demo: false });
  });

  describe('with demo data', () => {
    const api = ownApi({ DEMO_DATA: 'true', LOG_LEVEL: 'info', RUN_BACKGROUND: 'false' });

    it('warns at start and tells every visitor, signed in or not', async () => {
      const about = await api.browser().get<AboutView>('/api/about');
      expect(about.status).toBe(200);
      expect(about.body).toEqual({ demo: true });
      const warning = api.logLines<{ level: string; msg: string }>().find((line) => line.msg === DEMO_MODE_WARNING);
      expect(warning?.level).toBe('warn');
    });

    it('quotes contractors a day rate and everyone else a yearly salary', async () => {
      const board = await api.browser().get<JobBoardPage>(`/api/jobs?limit=${JOB_SEARCH_MAX_LIMIT}`);
      expect(board.status).toBe(200);
      const paid = board.body.items.filter((job) => job.salary !== null);
      const contracts = paid.filter((job) => job.employmentType === EmploymentType.Contract);
      expect(contracts.length).toBeGreaterThan(0);
      for (const job of paid) {
        const expected = job.employmentType === EmploymentType.Contract ? PayPeriod.Day : PayPeriod.Year;
        expect({ title: job.title, period: job.salary?.period }).toEqual({ title: job.title, period: expected });
      }
    });

    it('shows the client loop: contacts, client interviewers, drafts awaiting publish and a published one', async () => {
      const recruiter = api.browser();
      const login = { email: 'recruiter@heardback.test', password: 'heardback-demo' };
      expect((await recruiter.post('/api/auth/login', login)).status).toBe(200);

      // Every client has its people, at addresses that never deliver.
      const clients = await recruiter.get<ClientPage>('/api/clients');
      expect(clients.body.total).toBe(4);
      for (const client of clients.body.items) {
        const detail = await recruiter.get<ClientDetailView>(`/api/clients/${client.id}`);
        expect(detail.body.contacts.length).toBeGreaterThanOrEqual(3);
        for (const contact of detail.body.contacts) {
          expect(contact.email).toMatch(/^[a-z.]+@[a-z-]+\.example\.com$/);
          expect(contact.role).not.toBe('');
        }
      }

      // The interviews waiting for feedback: some had the client's interviewer, two of whom answered.
      const queue = await recruiter.get<FeedbackQueuePage>('/api/feedback/queue?limit=100');
      expect(queue.status).toBe(200);
      const awaitingPublish: ClientFeedbackDraftView[] = [];
      let withClientInterviewers = 0;
      for (const id of new Set(queue.body.items.map((item) => item.applicationId))) {
        const application = await recruiter.get<ApplicationView>(`/api/applications/${id}`);
        if (application.body.stages.some((stage) => (stage.clientInterviewers ?? []).length > 0)) {
          withClientInterviewers++;
        }
        const drafts = await recruiter.get<ClientFeedbackDraftView[]>(`/api/agency/applications/${id}/client-feedback`);
        expect(drafts.status).toBe(200);
        awaitingPublish.push(...drafts.body.filter((draft) => draft.publishedAt === null));
      }
      expect(withClientInterviewers).toBeGreaterThanOrEqual(3);
      expect(awaitingPublish).toHaveLength(2);
      for (const draft of awaitingPublish) expect(draft.contact.fullName).not.toBe('');

      // One client's feedback was published by the recruiter: the rules held (the stage has its feedback).
      const { rows } = await api.pool.query<{ published_by: string; state: string }>(
        `SELECT d.published_by, s.state FROM client_feedback_drafts d JOIN application_stages s ON s.id = d.stage_id
          WHERE d.published_at IS NOT NULL`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].state).toBe('feedback_recorded');
      expect(rows[0].published_by).not.toBeNull();
    });

    it('dates its history as it would have happened, not all at the minute it was loaded', async () => {
      const { rows: events } = await api.pool.query<{ application_id: string; type: string; at: Date; now: Date }>(
        `SELECT application_id, type, at, now() AS now FROM timeline_events ORDER BY application_id, at, id`,
      );
      const loadedAt = events[0].now.getTime();
      // Nothing happened in the future, and the stories reach back weeks.
      expect(events.every((event) => event.at.getTime() <= loadedAt)).toBe(true);
      const days = (event: { at: Date }) => (loadedAt - event.at.getTime()) / 86_400_000;
      expect(Math.max(...events.map(days))).toBeGreaterThan(14);
      // Every application's story starts with its application.
      const firsts = new Map<string, string>();
      for (const event of events) if (!firsts.has(event.application_id)) firsts.set(event.application_id, event.type);
      expect(firsts.size).toBeGreaterThan(10);
      expect(new Set(firsts.values())).toEqual(new Set(['applied']));

      // Applied before the interview was booked, booked before it took place, feedback after it ended.
      const { rows: stages } = await api.pool.query<{
        applied: Date;
        booked: Date | null;
        starts_at: Date;
        ends_at: Date;
        recorded: Date | null;
      }>(
        `SELECT a.created_at AS applied, s.starts_at, s.ends_at,
                (SELECT min(t.at) FROM timeline_events t
                  WHERE t.stage_id = s.id AND t.type = 'stage_scheduled') AS booked,
                (SELECT min(f.recorded_at) FROM feedback f WHERE f.stage_id = s.id) AS recorded
           FROM application_stages s JOIN applications a ON a.id = s.application_id
          WHERE s.starts_at IS NOT NULL`,
      );
      expect(stages.length).toBeGreaterThan(10);
      for (const stage of stages) {
        expect(stage.booked).not.toBeNull();
        expect(stage.applied.getTime()).toBeLessThan((stage.booked as Date).getTime());
        expect((stage.booked as Date).getTime()).toBeLessThan(stage.starts_at.getTime());
        if (stage.recorded) expect(stage.recorded.getTime()).toBeGreaterThan(stage.ends_at.getTime());
      }
    });

    it('stays visible while any demo login works, and goes when the last demo password is changed', async () => {
      const demoAccounts = [
        'staff@heardback.test',
        'recruiter@heardback.test',
        'candidate@heardback.test',
        ...Array.from({ length: 7 }, (_, index) => `candidate${index + 1}@heardback.test`),
      ];
      const visitor = api.browser();
      for (const [index, email] of demoAccounts.entries()) {
        expect((await visitor.get<AboutView>('/api/about')).body).toEqual({ demo: true });
        const owner = api.browser();
        expect((await owner.post('/api/auth/login', { email, password: 'heardback-demo' })).status).toBe(200);
        const changed = await owner.post('/api/me/password', {
          currentPassword: 'heardback-demo',
          newPassword: `a private phrase of our own ${index}`,
        });
        expect(changed.status).toBe(204);
      }
      expect((await visitor.get<AboutView>('/api/about')).body).toEqual({ demo: false });
    });
  });
});
