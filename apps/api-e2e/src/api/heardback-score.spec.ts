import { ApiError, ScoreGroupsPage, ScoreReport, UserRole } from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { insertAgencyUser, registerCandidateOn, signIn } from '../support/factories';
import { ownApi } from '../support/own-api';
import { SCORE_API_SETTINGS, scoreFixture, ScoreFixture } from './heardback-score.fixture';

jest.setTimeout(180_000);

/**
 * The score against hand-computed figures. Its facts carry chosen instants (an interview ending on
 * a Friday, its feedback on the Monday), which a running API's clock cannot produce, so they are
 * written in SQL into a database of this spec's own; the API computes everything from them. The
 * agency works 09:00–17:00 Monday to Friday in London, which is UTC in January.
 */
describe('the Heardback score', () => {
  const api = ownApi(SCORE_API_SETTINGS);
  let staff: ApiSession;
  let ada: ApiSession;
  let bo: ApiSession;
  let facts: ScoreFixture;
  const period = 'from=2026-01-05&to=2026-01-18';

  beforeAll(async () => {
    const staffUser = await insertAgencyUser(api.pool, UserRole.Staff, 'Score Staff');
    const adaUser = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Ada Recruiter');
    const boUser = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Bo Recruiter');
    facts = await scoreFixture(api.pool, { ada: adaUser.id, bo: boUser.id, staff: staffUser.id });
    staff = await signIn(api.browser(), staffUser.email);
    ada = await signIn(api.browser(), adaUser.email);
    bo = await signIn(api.browser(), boUser.email);
  });

  async function score(session: ApiSession, query: string): Promise<ScoreReport> {
    const response = await session.get<ScoreReport>(`/api/agency/score?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  describe('time to feedback, in working days', () => {
    it('counts only working hours from the interview end to the feedback, across the weekend', async () => {
      const report = await score(staff, `${period}&by=recruiter`);
      const adaRow = report.rows.find((row) => row.id === facts.ada);
      const boRow = report.rows.find((row) => row.id === facts.bo);
      // Ada: 0.5 (Fri 15:00 → Mon 11:00), 2.0 (Fri 16:00 → Tue 16:00), 3.0 (Mon 10:00 → Thu 10:00).
      expect(adaRow?.timeToFeedback).toEqual({ count: 3, medianWorkingDays: 2, p90WorkingDays: 2.8 });
      // Bo: 0.5 (a Saturday interview → Mon 13:00), 1.0 (Wed 09:00 → Wed 17:30, after hours).
      expect(boRow?.timeToFeedback).toEqual({ count: 2, medianWorkingDays: 0.75, p90WorkingDays: 0.95 });
      // Everyone: 0.5, 0.5, 1.0, 2.0, 3.0; the correction and the feedback after the period are left out.
      expect(report.overall.timeToFeedback).toEqual({ count: 5, medianWorkingDays: 1, p90WorkingDays: 2.6 });
    });

    it('takes the mean of the two middle values of an even count, and equal values as they are', async () => {
      const report = await score(staff, `${period}&by=recruiter`);
      // Bo's two values 0.5 and 1.0: percentile_cont gives 0.75, never either one of them.
      expect(report.rows.find((row) => row.id === facts.bo)?.timeToFeedback.medianWorkingDays).toBe(0.75);
      // The week of 12 January: 0.5, 0.5, 1.0, 2.0, so the median falls between the tie and 1.0.
      expect(report.trend.map((week) => [week.week, week.feedbackCount, week.medianWorkingDays])).toEqual([
        ['2026-W02', 1, 3],
        ['2026-W03', 4, 0.75],
      ]);
    });

    it('puts each interview in one bucket, a value on a boundary in the later one', async () => {
      const report = await score(staff, `${period}&by=client`);
      expect(report.distribution.map((bucket) => [bucket.label, bucket.count])).toEqual([
        ['<1', 2],
        ['1–2', 1],
        ['2–3', 1],
        ['3–5', 1],
        ['5+', 0],
      ]);
    });

    it('groups by the client interviewer whose published review became the feedback', async () => {
      const report = await score(staff, `${period}&by=interviewer`);
      expect(report.rows.map((row) => [row.name, row.detail, row.timeToFeedback])).toEqual([
        ['Cara Contact', '=Acme', { count: 1, medianWorkingDays: 2, p90WorkingDays: 2 }],
      ]);
    });
  });

  describe('promises', () => {
    it('counts kept on the date, re-dated in time and broken, each promise once', async () => {
      const report = await score(staff, `${period}&by=recruiter`);
      expect(report.rows.find((row) => row.id === facts.ada)?.promises).toEqual({
        due: 5,
        kept: 1,
        redated: 1,
        broken: 3,
        keptShare: 0.2,
        redatedShare: 0.2,
        brokenShare: 0.6,
      });
      expect(report.rows.find((row) => row.id === facts.bo)?.promises).toEqual({
        due: 0,
        kept: 0,
        redated: 0,
        broken: 0,
        keptShare: null,
        redatedShare: null,
        brokenShare: null,
      });
      expect(report.trend.map((week) => [week.promisesDue, week.promisesKept, week.keptShare])).toEqual([
        [2, 1, 0.5],
        [3, 0, 0],
      ]);
    });
  });

  describe('silence, rejections and satisfaction', () => {
    it('measures the longest silence on an open application to the API clock', async () => {
      const report = await score(staff, `${period}&by=recruiter`);
      const silence = report.rows.find((row) => row.id === facts.ada)?.silence;
      expect(silence?.openApplications).toBe(5);
      expect(silence?.since).toBe('2025-12-01T09:00:00.000Z');
      expect(silence?.applicationId).toBe(facts.longestSilentApplication);
      const days = (Date.parse(report.at) - Date.parse('2025-12-01T09:00:00.000Z')) / 86_400_000;
      expect(silence?.longestDays).toBe(Math.round(days * 10) / 10);
      // Bo's applications are all closed: nobody is waiting.
      expect(report.rows.find((row) => row.id === facts.bo)?.silence).toEqual({
        openApplications: 0,
        longestDays: null,
        since: null,
        applicationId: null,
      });
    });

    it('counts rejections after an interview, and those that came with the interview feedback', async () => {
      const report = await score(staff, `${period}&by=recruiter`);
      expect(report.rows.find((row) => row.id === facts.bo)?.rejections).toEqual({
        afterInterview: 2,
        withFeedbackInWords: 1,
        share: 0.5,
      });
      expect(report.rows.find((row) => row.id === facts.ada)?.rejections).toEqual({
        afterInterview: 0,
        withFeedbackInWords: 0,
        share: null,
      });
    });

    it('shows staff cNPS and "felt ghosted" for every group', async () => {
      const report = await score(staff, `${period}&by=recruiter`);
      // Ada: scores 10, 9, 7, 3 (and one without): (2 − 1) / 4 = 25 %; 2 of 5 felt uninformed.
      expect(report.rows.find((row) => row.id === facts.ada)?.satisfaction).toEqual({
        responses: 5,
        cnps: 25,
        feltGhostedPercent: 40,
        withheld: false,
      });
      expect(report.rows.find((row) => row.id === facts.bo)?.satisfaction).toEqual({
        responses: 4,
        cnps: 50,
        feltGhostedPercent: 0,
        withheld: false,
      });
      expect(report.overall.satisfaction).toEqual({
        responses: 9,
        cnps: 37.5,
        feltGhostedPercent: 22.2,
        withheld: false,
      });
    });

    it('counts the closing answers per job and per client, and a recruiter’s on her own work only', async () => {
      // Every answer here is on the one job of the one client: all nine, as overall.
      const all = { responses: 9, cnps: 37.5, feltGhostedPercent: 22.2, withheld: false };
      const byJob = await score(staff, `${period}&by=job`);
      expect(byJob.rows.find((row) => row.id === facts.job)?.satisfaction).toEqual(all);
      const byClient = await score(staff, `${period}&by=client`);
      expect(byClient.rows.find((row) => row.id === facts.client)?.satisfaction).toEqual(all);
      // The client's own tables are its monthly report's, which goes to the client: never by job or
      // interviewer, even for staff, or an interviewer would recognise who said what.
      const clientsJobs = await staff.get<ScoreGroupsPage>(
        `/api/agency/score/groups?${period}&grouping=job&client=${facts.client}`,
      );
      expect(clientsJobs.body.items.find((row) => row.id === facts.job)?.satisfaction).toEqual({
        responses: null,
        cnps: null,
        feltGhostedPercent: null,
        withheld: true,
      });
      // Ada's own five on that job are hers to see over all her work (below), never by job, client or
      // interviewer: beside the overall figure, a group withheld for one answer could be subtracted out.
      const adasJobs = await score(ada, `${period}&by=job`);
      expect(adasJobs.rows.find((row) => row.id === facts.job)?.satisfaction).toEqual({
        responses: null,
        cnps: null,
        feltGhostedPercent: null,
        withheld: true,
      });
    });

    it('withholds satisfaction from a recruiter with 4 answers and shows it with 5', async () => {
      const boReport = await score(bo, `${period}&by=recruiter`);
      expect(boReport.overall.satisfaction).toEqual({
        responses: null,
        cnps: null,
        feltGhostedPercent: null,
        withheld: true,
      });
      const adaReport = await score(ada, `${period}&by=recruiter`);
      expect(adaReport.overall.satisfaction).toEqual({
        responses: 5,
        cnps: 25,
        feltGhostedPercent: 40,
        withheld: false,
      });
    });
  });

  describe('who sees what', () => {
    it('shows a recruiter their own row only, and other groupings over their own work', async () => {
      const byRecruiter = await score(bo, `${period}&by=recruiter`);
      expect(byRecruiter.ownWorkOnly).toBe(true);
      expect(byRecruiter.rows.map((row) => row.id)).toEqual([facts.bo]);
      const byClient = await score(bo, `${period}&by=client`);
      expect(byClient.rows.map((row) => [row.name, row.timeToFeedback.count])).toEqual([['=Acme', 2]]);
      expect(byClient.overall.timeToFeedback.count).toBe(2);
    });

    it('keeps the client monthly report to staff', async () => {
      const refused = await bo.get(`/api/agency/score/clients/${facts.client}/monthly?month=2026-01`);
      expect(refused.status).toBe(403);
      const month = await staff.get<{
        client: { name: string };
        overall: ScoreReport['overall'];
        interviewers: ScoreGroupsPage;
      }>(`/api/agency/score/clients/${facts.client}/monthly?month=2026-01`);
      expect(month.status).toBe(200);
      expect(month.body.client.name).toBe('=Acme');
      // The whole of January: also the feedback of 2 January and the one recorded on the 19th.
      expect(month.body.overall.timeToFeedback.count).toBe(7);
      expect(month.body.interviewers.items).toHaveLength(1);
      expect(month.body.interviewers).toMatchObject({ total: 1, nextCursor: null });
      // Satisfaction over the month from five answers (nine here), never by interviewer.
      expect(month.body.overall.satisfaction).toMatchObject({ responses: 9, withheld: false });
      expect(month.body.interviewers.items[0].satisfaction).toMatchObject({ responses: null, withheld: true });
      const unknown = await staff.get(`/api/agency/score/clients/${facts.ada}/monthly?month=2026-01`);
      expect(unknown.status).toBe(404);
    });
  });

  describe('periods', () => {
    it('gives nulls, not zeros, for a period with nothing in it', async () => {
      const report = await score(staff, 'from=2025-06-01&to=2025-06-30&by=job');
      expect(report.overall.timeToFeedback).toEqual({ count: 0, medianWorkingDays: null, p90WorkingDays: null });
      expect(report.overall.promises.keptShare).toBeNull();
      expect(report.overall.rejections.share).toBeNull();
      expect(report.overall.satisfaction).toEqual({
        responses: 0,
        cnps: null,
        feltGhostedPercent: null,
        withheld: false,
      });
      expect(report.trend.every((week) => week.medianWorkingDays === null && week.keptShare === null)).toBe(true);
      expect(report.distribution.every((bucket) => bucket.count === 0)).toBe(true);
    });

    it.each([
      ['from=2026-02-30&to=2026-03-01&by=job', 'from'],
      ['from=2026-01-05&to=1-2-3&by=job', 'to'],
      ['from=2026-01-10&to=2026-01-09&by=job', 'to'],
      ['from=2025-01-01&to=2026-01-02&by=job', 'to'],
      ['from=2026-01-05&to=2026-01-18&by=team', 'by'],
      ['to=2026-01-18&by=job', 'from'],
    ])('refuses %s, naming %s', async (query, field) => {
      const response = await staff.get<ApiError>(`/api/agency/score?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.details?.map((detail) => detail.field)).toContain(field);
    });
  });

  describe('CSV', () => {
    it('exports a table exactly, quoted, with names that could be formulas made plain text', async () => {
      const response = await bo.send('GET', `/api/agency/score.csv?${period}&by=job`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="heardback-score-by-job-2026-01-05-to-2026-01-18.csv"',
      );
      expect(response.text).toBe(
        [
          'group,name,detail,interviews with feedback,median working days to feedback,p90 working days to feedback,' +
            'promises due,kept on date,re-dated in time,broken,kept %,open applications,longest silence (days),' +
            'rejections after interview,with feedback in words,with feedback in words %,satisfaction answers,cNPS,felt ghosted %',
          // Bo's own work: 4 satisfaction answers, so the figures are withheld from him.
          'overall,Everyone,,2,0.75,0.95,0,0,0,0,,0,,2,1,50,,,',
          `job,"'-Platform, ""Core""",'=Acme,2,0.75,0.95,0,0,0,0,,0,,2,1,50,,,`,
          '',
        ].join('\r\n'),
      );
    });

    it('exports the weekly trend and the distribution', async () => {
      const trend = await staff.send('GET', `/api/agency/score.csv?${period}&by=job&table=trend`);
      expect(trend.text).toBe(
        'week,starts on,interviews with feedback,median working days to feedback,promises due,kept on date,kept %\r\n' +
          '2026-W02,2026-01-05,1,3,2,1,50\r\n' +
          '2026-W03,2026-01-12,4,0.75,3,0,0\r\n',
      );
      const distribution = await staff.send('GET', `/api/agency/score.csv?${period}&by=job&table=distribution`);
      expect(distribution.text).toBe(
        'working days to feedback,from,to,interviews\r\n<1,0,1,2\r\n1–2,1,2,1\r\n2–3,2,3,1\r\n3–5,3,5,1\r\n5+,5,,0\r\n',
      );
    });
  });

  describe('through the API', () => {
    it('counts feedback a recruiter records on an interview that ended', async () => {
      const today = new Date();
      const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
      const query = `from=${day(-1)}&to=${day(1)}&by=recruiter`;
      const before = await score(staff, query);
      await facts.recordFeedbackThroughTheApi(staff, api.browser());
      const after = await score(staff, query);
      expect(after.overall.timeToFeedback.count).toBe(before.overall.timeToFeedback.count + 1);
      expect(after.overall.timeToFeedback.medianWorkingDays).toEqual(expect.any(Number));
    });
  });

  it('is refused to a candidate', async () => {
    const candidate = await registerCandidateOn(api, 'Curious Candidate');
    expect((await candidate.session.get(`/api/agency/score?${period}&by=job`)).status).toBe(403);
    expect((await candidate.session.send('GET', `/api/agency/score.csv?${period}&by=job`)).status).toBe(403);
  });
});
