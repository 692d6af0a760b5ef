import {
  AboutView,
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
