import {
  AgencyJobPage,
  ApplicationView,
  ErrorCode,
  EscalationPage,
  FeedbackQueuePage,
  JobStatus,
  UserRole,
} from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { database } from '../support/database';
import {
  applicationAwaitingFeedback,
  createOpenJob,
  insertAgencyUser,
  signIn,
  staffForTheseTests,
} from '../support/factories';
import { expectListedThroughout, idsNow } from '../support/paged-lists';

/** Walks a list `limit` rows at a time to its end, as the portal's "Load more" does. */
async function walk<T>(session: ApiSession, path: string, limit: number): Promise<{ items: T[]; totals: number[] }> {
  const items: T[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const join = path.includes('?') ? '&' : '?';
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await session.get<{ items: T[]; nextCursor: string | null; total: number }>(
      `${path}${join}limit=${limit}${after}`,
    );
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.body.items);
    totals.push(page.body.total);
    cursor = page.body.nextCursor;
  } while (cursor);
  return { items, totals };
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await database().query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) counted`, params);
  return rows[0].n;
}

describe('the agency lists, a page at a time', () => {
  const staff = staffForTheseTests();

  describe('the job list', () => {
    it('shows open and draft jobs unless asked, newest first, with a true total', async () => {
      const open = await createOpenJob(staff);
      const draft = await createOpenJob(staff, { status: JobStatus.Draft });
      const closed = await createOpenJob(staff);
      await database().query(`UPDATE jobs SET status = 'closed' WHERE id = $1`, [closed.id]);

      const openOrDraft = `SELECT id FROM jobs WHERE status IN ('open', 'draft')`;
      const openOrDraftBefore = await idsNow(openOrDraft);
      const first = await staff.get<AgencyJobPage>('/api/agency/jobs');
      const openOrDraftAfter = await idsNow(openOrDraft);
      expect(first.status).toBe(200);
      expect(first.body.items.length).toBeLessThanOrEqual(50);
      const ids = first.body.items.map((job) => job.id);
      expect(ids).toEqual(expect.arrayContaining([open.id, draft.id]));
      expect(ids).not.toContain(closed.id);
      expect(ids.indexOf(draft.id)).toBeLessThan(ids.indexOf(open.id));
      // Other spec files add and close jobs meanwhile: the total lies between what was there before and after.
      expect(first.body.total).toBeGreaterThanOrEqual(Math.min(openOrDraftBefore.size, openOrDraftAfter.size));
      expect(first.body.total).toBeLessThanOrEqual(new Set([...openOrDraftBefore, ...openOrDraftAfter]).size);

      const closedOnly = await staff.get<AgencyJobPage>('/api/agency/jobs?status=closed');
      expect(closedOnly.body.items.map((job) => job.id)).toContain(closed.id);
      expect(closedOnly.body.items.every((job) => job.status === JobStatus.Closed)).toBe(true);
      const jobsBefore = await count('SELECT 1 FROM jobs');
      const every = await staff.get<AgencyJobPage>('/api/agency/jobs?status=open,draft,filled,closed');
      expect(every.body.total).toBeGreaterThanOrEqual(jobsBefore);
      expect(every.body.total).toBeLessThanOrEqual(await count('SELECT 1 FROM jobs'));
    });

    it('keeps the total of each status in step with the jobs, whatever writes them and however many at once', async () => {
      // The total is read from job_status_counts, which triggers on jobs keep. One statement reads
      // both (one snapshot), so writes by other spec files meanwhile cannot make them differ.
      const mismatches = async () =>
        (
          await database().query(
            `SELECT coalesce(k.status, c.status) AS status, k.jobs AS counted, c.jobs AS kept
             FROM (SELECT status, count(*) AS jobs FROM jobs GROUP BY status) k
             FULL JOIN job_status_counts c ON c.status = k.status
            WHERE coalesce(k.jobs, 0) <> coalesce(c.jobs, 0)`,
          )
        ).rows;
      const draft = await createOpenJob(staff, { status: JobStatus.Draft });
      const open = await createOpenJob(staff);
      expect(await mismatches()).toEqual([]);

      const published = await staff.patch(`/api/jobs/${draft.id}`, { status: JobStatus.Open });
      expect(published.status).toBe(200);
      await database().query(`UPDATE jobs SET status = 'closed' WHERE id = $1`, [open.id]);
      expect(await mismatches()).toEqual([]);

      // Several rows in one statement: copies of a job, then all of them moved, then some removed.
      const { rows: copies } = await database().query<{ id: string }>(
        `INSERT INTO jobs (client_id, title, description, location, work_mode, employment_type, status, pipeline,
                           answer_within_working_days, screening_within_working_days, client_name, published_at)
         SELECT j.client_id, j.title, j.description, j.location, j.work_mode, j.employment_type, s, j.pipeline,
                j.answer_within_working_days, j.screening_within_working_days, j.client_name, j.published_at
           FROM jobs j CROSS JOIN unnest(ARRAY['draft', 'draft', 'open']) s WHERE j.id = $1
         RETURNING id`,
        [open.id],
      );
      expect(copies).toHaveLength(3);
      const copyIds = copies.map((copy) => copy.id);
      expect(await mismatches()).toEqual([]);
      await database().query(
        `UPDATE jobs SET status = CASE status WHEN 'draft' THEN 'open' ELSE 'closed' END WHERE id = ANY($1)`,
        [copyIds],
      );
      expect(await mismatches()).toEqual([]);
      await database().query(`DELETE FROM jobs WHERE id = ANY($1)`, [copyIds.slice(0, 2)]);
      expect(await mismatches()).toEqual([]);

      const closed = await staff.get<AgencyJobPage>('/api/agency/jobs?status=closed&limit=1');
      expect(closed.status).toBe(200);
      expect(closed.body.total).toBeGreaterThanOrEqual(2);
    });

    it('pages jobs created at the same moment without repeating or skipping one', async () => {
      const jobs = [];
      for (let index = 0; index < 5; index += 1) jobs.push(await createOpenJob(staff, { status: JobStatus.Draft }));
      // The same created_at, later than any other job's: only the id orders them, and they lead the list.
      await database().query(`UPDATE jobs SET created_at = '2100-01-01T00:00:00Z' WHERE id = ANY($1)`, [
        jobs.map((job) => job.id),
      ]);
      const draftIds = `SELECT id FROM jobs WHERE status = 'draft'`;
      const before = await idsNow(draftIds);
      const { items, totals } = await walk<{ id: string }>(staff, '/api/agency/jobs?status=draft', 2);
      const ids = items.map((job) => job.id);
      expectListedThroughout(ids, totals, before, await idsNow(draftIds));
      expect(ids.slice(0, 5)).toEqual(
        jobs
          .map((job) => job.id)
          .sort()
          .reverse(),
      );
    });

    it('counts only the open applications of each job on the page', async () => {
      const { job, application, candidate } = await applicationAwaitingFeedback(staff);
      const one = await staff.get<{ openApplications: number; id: string }>(`/api/agency/jobs/${job.id}`);
      expect(one.body).toMatchObject({ id: job.id, openApplications: 1 });
      const withdrawn = await candidate.session.post(`/api/applications/${application.id}/withdraw`, {
        reason: 'Found another job',
        version: application.version,
      });
      expect(withdrawn.status).toBeLessThan(300);
      const page = await staff.get<AgencyJobPage>('/api/agency/jobs');
      expect(page.body.items.find((item) => item.id === job.id)?.openApplications).toBe(0);
      expect((await staff.get('/api/agency/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it.each([
      ['status=archived', 'status'],
      ['status=open,someday', 'status'],
      ['cursor=garbage', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
    ])('refuses ?%s with a 400 naming %s', async (query, field) => {
      const response = await staff.get(`/api/agency/jobs?${query}`);
      expect(response.status).toBe(400);
      expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
      expect(asError(response).details?.map((detail) => detail.field)).toContain(field);
    });
  });

  describe('the feedback queue and escalations', () => {
    /** Stages awaiting feedback that all fell due and ended at the same moment, long before any other. */
    async function tiedStages(howMany: number): Promise<ApplicationView[]> {
      const applications: ApplicationView[] = [];
      for (let index = 0; index < howMany; index += 1) {
        applications.push((await applicationAwaitingFeedback(staff)).application);
      }
      await database().query(
        `UPDATE application_stages
            SET starts_at = '2001-01-01T09:00:00Z', ends_at = '2001-01-01T10:00:00Z', feedback_due_at = '2001-01-03T17:00:00Z'
          WHERE id = ANY($1)`,
        [applications.map((application) => application.stages[0].id)],
      );
      return applications;
    }

    const waitingForFeedback = `SELECT s.id FROM application_stages s JOIN applications a ON a.id = s.application_id
       WHERE a.closed_at IS NULL AND stage_took_place(s.ends_at, s.held_at)
         AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)`;

    it('pages the queue in its order, ties included, without repeating or skipping a stage', async () => {
      const tied = await tiedStages(4);
      const before = await idsNow(waitingForFeedback);
      const { items, totals } = await walk<FeedbackQueuePage['items'][number]>(staff, '/api/feedback/queue', 3);
      const stageIds = items.map((item) => item.stageId);
      expectListedThroughout(stageIds, totals, before, await idsNow(waitingForFeedback));
      // Oldest due first: a stage with no due date, then by due date; the tied ones by id.
      const dues = items.map((item) => (item.feedbackDueAt ? Date.parse(item.feedbackDueAt) : -Infinity));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
      const mine = tied.map((application) => application.stages[0].id).sort();
      expect(stageIds.filter((id) => mine.includes(id))).toEqual(mine);
    });

    it('shows a later stage marked held by a data fix, as the feedback rule holds its application for it', async () => {
      const { application } = await applicationAwaitingFeedback(staff);
      const later = [...application.stages].sort((a, b) => a.position - b.position)[1];
      await database().query('UPDATE application_stages SET held_at = now() WHERE id = $1', [later.id]);
      const { items } = await walk<FeedbackQueuePage['items'][number]>(staff, '/api/feedback/queue', 100);
      expect(items.map((item) => item.stageId)).toContain(later.id);
    });

    it("counts and pages only the caller's own work with mine=true", async () => {
      const recruiter = await insertAgencyUser(database(), UserRole.Recruiter);
      const session = await signIn(new ApiSession(), recruiter.email);
      const tied = await tiedStages(3);
      await database().query(`UPDATE application_stages SET recruiter_id = $1 WHERE id = ANY($2)`, [
        recruiter.id,
        tied.map((application) => application.stages[0].id),
      ]);
      const { items, totals } = await walk<FeedbackQueuePage['items'][number]>(
        session,
        '/api/feedback/queue?mine=true',
        2,
      );
      expect(items.map((item) => item.stageId)).toEqual(tied.map((application) => application.stages[0].id).sort());
      expect(items.every((item) => item.assignedToYou)).toBe(true);
      expect(totals).toEqual([3, 3]);
    });

    it('pages escalations longest overdue first, ties included, with a true total', async () => {
      const tied = await tiedStages(3);
      await database().query(
        `INSERT INTO deadline_alerts (stage_id, kind, due_at)
         SELECT id, 'escalation', feedback_due_at FROM application_stages WHERE id = ANY($1)`,
        [tied.map((application) => application.stages[0].id)],
      );
      const escalated = `SELECT s.id FROM deadline_alerts d
           JOIN application_stages s ON s.id = d.stage_id AND s.feedback_due_at = d.due_at
           JOIN applications a ON a.id = s.application_id
          WHERE d.kind = 'escalation' AND a.closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)`;
      const before = await idsNow(escalated);
      const { items, totals } = await walk<EscalationPage['items'][number]>(staff, '/api/agency/escalations', 2);
      const stageIds = items.map((item) => item.stageId);
      expectListedThroughout(stageIds, totals, before, await idsNow(escalated));
      const dues = items.map((item) => Date.parse(item.feedbackDueAt));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
      const ours = tied.map((application) => application.stages[0].id).sort();
      expect(stageIds.filter((id) => ours.includes(id))).toEqual(ours);
    });

    it.each([
      ['/api/feedback/queue?cursor=garbage', 'cursor'],
      ['/api/feedback/queue?limit=500', 'limit'],
      ['/api/feedback/queue?mine=maybe', 'mine'],
      ['/api/agency/escalations?cursor=garbage', 'cursor'],
      ['/api/agency/escalations?limit=abc', 'limit'],
    ])('refuses %s with a 400 naming %s', async (path, field) => {
      const response = await staff.get(path);
      expect(response.status).toBe(400);
      expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
      expect(asError(response).details?.map((detail) => detail.field)).toContain(field);
    });
  });
});
