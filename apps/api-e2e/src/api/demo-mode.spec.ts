import { AboutView, DEMO_MODE_WARNING } from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from '../support/api-server';

describe('demo mode is visible', () => {
  it('says demo is off when no demo data is loaded', async () => {
    const about = await new ApiSession().get<AboutView>('/api/about');
    expect(about.status).toBe(200);
    expect(about.body).toEqual({ demo: false });
  });

  describe('with demo data', () => {
    let database: ProvisionedDatabase;
    let api: ApiProcess;

    beforeAll(async () => {
      database = await provisionTestDatabase();
      api = await startApiProcess({
        databaseUrl: database.databaseUrl,
        env: { DEMO_DATA: 'true', LOG_LEVEL: 'info', RUN_BACKGROUND: 'false' },
      });
    }, 120_000);

    afterAll(async () => {
      await api?.stop();
      await database?.release();
    });

    it('warns at start and tells every visitor, signed in or not', async () => {
      const about = await new ApiSession({ baseUrl: api.url }).get<AboutView>('/api/about');
      expect(about.status).toBe(200);
      expect(about.body).toEqual({ demo: true });
      const warning = api.output
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: string; msg: string })
        .find((line) => line.msg === DEMO_MODE_WARNING);
      expect(warning?.level).toBe('warn');
    });

    it('stays visible while any demo login works, and goes when the last demo password is changed', async () => {
      const demoAccounts = [
        'staff@heardback.test',
        'recruiter@heardback.test',
        'candidate@heardback.test',
        ...Array.from({ length: 7 }, (_, index) => `candidate${index + 1}@heardback.test`),
      ];
      const visitor = new ApiSession({ baseUrl: api.url });
      for (const [index, email] of demoAccounts.entries()) {
        expect((await visitor.get<AboutView>('/api/about')).body).toEqual({ demo: true });
        const owner = new ApiSession({ baseUrl: api.url });
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
