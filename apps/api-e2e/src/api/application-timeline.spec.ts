import {
  ApplicationView,
  CandidateApplicationView,
  ErrorCode,
  TIMELINE_PAGE_SIZE,
  TimelineEntry,
  TimelineEventType,
  TimelinePage,
} from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { database } from '../support/database';
import { apply, createOpenJob, expectStatus, registerCandidate, staffForTheseTests } from '../support/factories';

const HISTORY = 130;

/** An event as the database holds it, newest first, as the portal lists the timeline. */
interface StoredEvent {
  text: string;
  visible: boolean;
}

async function storedNewestFirst(applicationId: string): Promise<StoredEvent[]> {
  const { rows } = await database().query<{ text: string; candidate_visible: boolean }>(
    `SELECT text, candidate_visible FROM timeline_events WHERE application_id = $1 ORDER BY at DESC, id DESC`,
    [applicationId],
  );
  return rows.map((row) => ({ text: row.text, visible: row.candidate_visible }));
}

/** The view's entries then every older page, `limit` at a time, newest first: the timeline as the portal shows it. */
async function readWholeTimeline(
  reader: ApiSession,
  view: { id: string; timeline: TimelineEntry[]; earlierTimelineCursor: string | null },
  limit: number,
): Promise<{ texts: string[]; pages: number }> {
  const texts = [...view.timeline].reverse().map((entry) => entry.text);
  let cursor = view.earlierTimelineCursor;
  let pages = 0;
  while (cursor) {
    const page = await reader.get<TimelinePage>(
      `/api/applications/${view.id}/timeline?limit=${limit}&cursor=${encodeURIComponent(cursor)}`,
    );
    expectStatus(page, 200, `timeline page ${pages + 1}`);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    texts.push(...page.body.items.map((entry) => entry.text));
    cursor = page.body.nextCursor;
    pages++;
  }
  return { texts, pages };
}

describe("an application's timeline, a page at a time", () => {
  const staff = staffForTheseTests();
  let candidate: ApiSession;
  let applicationId: string;
  let stageIds: string[];

  beforeAll(async () => {
    candidate = (await registerCandidate('Long History')).session;
    const job = await createOpenJob(staff);
    const applied = await apply(candidate, job.id);
    applicationId = applied.id;
    stageIds = applied.stages.map((stage) => stage.id);
    // A history long enough for three pages: every third event internal, and events sharing one
    // instant in threes (written in one transaction), so only the id orders them.
    await database().query(
      `INSERT INTO timeline_events (application_id, at, type, text, candidate_visible)
       SELECT $1, timestamptz '2026-01-01 09:00:00+00' + ((n / 3) * interval '1 hour'), $2,
              CASE WHEN n % 3 = 0 THEN 'Internal note ' ELSE 'Told the candidate ' END || n, n % 3 <> 0
         FROM generate_series(1, $3::int) AS n`,
      [applicationId, TimelineEventType.RecruiterMessage, HISTORY],
    );
    // Chasing long ago, far below the newest page: the late notice on the first stage is internal,
    // the automatic new date on the second was told to the candidate.
    await database().query(
      `INSERT INTO timeline_events (application_id, at, type, stage_id, text, candidate_visible)
       VALUES ($1, '2025-12-01 09:00:00+00', $2, $3, 'Feedback is late.', false),
              ($1, '2025-12-02 09:00:00+00', $4, $5, 'We have set a new date.', true)`,
      [applicationId, TimelineEventType.FeedbackLate, stageIds[0], TimelineEventType.PromiseUpdated, stageIds[1]],
    );
  });

  it('gives the agency the newest page in its view and every older entry once, in order, through the cursor', async () => {
    const view = await staff.get<ApplicationView>(`/api/applications/${applicationId}`);
    expectStatus(view, 200, 'agency view');
    expect(view.body.timeline).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(view.body.earlierTimelineCursor).not.toBeNull();
    // The cursor says where the page ends and nothing else: no event id, which would count every
    // event the agency wrote in between.
    const decoded: unknown = JSON.parse(Buffer.from(view.body.earlierTimelineCursor ?? '', 'base64url').toString());
    expect(decoded).toEqual([expect.any(String), expect.any(Number)]);

    const stored = await storedNewestFirst(applicationId);
    expect(stored.length).toBeGreaterThan(2 * TIMELINE_PAGE_SIZE);
    // The view's entries are the newest ones, oldest first as before.
    expect(view.body.timeline.map((entry) => entry.text)).toEqual(
      stored
        .slice(0, TIMELINE_PAGE_SIZE)
        .map((event) => event.text)
        .reverse(),
    );
    // 17 a page: page edges fall inside the groups that share an instant.
    const whole = await readWholeTimeline(staff, view.body, 17);
    expect(whole.texts).toEqual(stored.map((event) => event.text));
    expect(whole.pages).toBe(Math.ceil((stored.length - TIMELINE_PAGE_SIZE) / 17));
  });

  it('gives the candidate only what they were told, paged over that alone', async () => {
    const view = await candidate.get<CandidateApplicationView>(`/api/applications/${applicationId}`);
    expectStatus(view, 200, 'candidate view');
    expect(view.body.timeline).toHaveLength(TIMELINE_PAGE_SIZE);
    const told = (await storedNewestFirst(applicationId)).filter((event) => event.visible).map((event) => event.text);
    const whole = await readWholeTimeline(candidate, view.body, TIMELINE_PAGE_SIZE);
    expect(whole.texts).toEqual(told);
    expect(whole.texts.some((text) => text.startsWith('Internal') || text === 'Feedback is late.')).toBe(false);
    // Nor is the candidate sent which entries the agency told them: everything they read, they were.
    expect(view.body.timeline.every((entry) => entry.toCandidate === undefined)).toBe(true);
  });

  it('starts from the newest entry without a cursor, and uses the default page size', async () => {
    const view = await staff.get<ApplicationView>(`/api/applications/${applicationId}`);
    const first = await staff.get<TimelinePage>(`/api/applications/${applicationId}/timeline`);
    expectStatus(first, 200, 'first page');
    expect(first.body.items).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(first.body.items.map((entry) => entry.text)).toEqual(
      [...view.body.timeline].reverse().map((entry) => entry.text),
    );
    expect(first.body.items[0].toCandidate).toBeDefined();
    expect(first.body.nextCursor).toBe(view.body.earlierTimelineCursor);
  });

  it('says a stage was chased by the whole timeline, not the page the view carries', async () => {
    const agency = await staff.get<ApplicationView>(`/api/applications/${applicationId}`);
    expect(agency.body.stages.map((stage) => stage.chased)).toEqual([true, true, false]);
    // The late notice was internal: the candidate reads only of the new date they were given.
    const mine = await candidate.get<CandidateApplicationView>(`/api/applications/${applicationId}`);
    expect(mine.body.stages.map((stage) => stage.chased)).toEqual([false, true, false]);
  });

  it('carries no cursor when the view holds the whole timeline', async () => {
    const job = await createOpenJob(staff);
    const fresh = await apply(candidate, job.id);
    expect(fresh.timeline.length).toBeGreaterThan(0);
    expect(fresh.earlierTimelineCursor).toBeNull();
    expect(fresh.stages.every((stage) => !stage.chased)).toBe(true);
    const page = await candidate.get<TimelinePage>(`/api/applications/${fresh.id}/timeline`);
    expect(page.body).toEqual({ items: [...fresh.timeline].reverse(), nextCursor: null });
  });

  it('shows another candidate and a visitor nothing', async () => {
    const view = await staff.get<ApplicationView>(`/api/applications/${applicationId}`);
    const cursor = encodeURIComponent(view.body.earlierTimelineCursor ?? '');
    const stranger = (await registerCandidate('Someone Else')).session;
    const theirs = await stranger.get(`/api/applications/${applicationId}/timeline?cursor=${cursor}`);
    expect(theirs.status).toBe(404);
    expect(asError(theirs).code).toBe(ErrorCode.NotFound);
    const visitor = await new ApiSession().get(`/api/applications/${applicationId}/timeline`);
    expect(visitor.status).toBe(401);
  });

  it('refuses a cursor it did not give out and a limit out of range, naming the field', async () => {
    const path = `/api/applications/${applicationId}/timeline`;
    const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const impossibleDay = encode(['2026-02-30 09:00:00+00', 1]);
    const noneShown = encode(['2026-01-01 09:00:00+00', 0]);
    const uuidKeyed = encode(['2026-01-01 09:00:00+00', '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b']);
    for (const [query, field] of [
      [`cursor=${impossibleDay}`, 'cursor'],
      [`cursor=${noneShown}`, 'cursor'],
      [`cursor=${uuidKeyed}`, 'cursor'],
      ['cursor=not-a-cursor', 'cursor'],
      ['limit=0', 'limit'],
      [`limit=${TIMELINE_PAGE_SIZE + 1}`, 'limit'],
    ]) {
      const response = await staff.get(`${path}?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });
});
