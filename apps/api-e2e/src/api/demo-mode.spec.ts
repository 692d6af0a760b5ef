import { AboutView, DEMO_MODE_WARNING } from '@heardback/contracts';
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
  });
});
