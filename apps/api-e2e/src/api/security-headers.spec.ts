import { connect } from 'node:net';
import { ApiSession } from '../support/api-client';
import { ApiServer, startApiServer } from '../support/api-server';
import { registerCandidate } from '../support/factories';

describe('security headers', () => {
  it('sends a strict CSP, no framing, nosniff and a referrer policy on every response', async () => {
    const response = await new ApiSession().get('/api/jobs');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('never lets a browser or proxy store personal data from the API', async () => {
    const { session } = await registerCandidate('Cache Candidate');
    for (const path of ['/api/auth/me', '/api/me/applications', '/api/jobs']) {
      const response = await session.get(path);
      expect({ path, cacheControl: response.headers.get('cache-control') }).toEqual({ path, cacheControl: 'no-store' });
    }
  });

  it('also on errors, whatever the spelling of the path', async () => {
    // The router ignores case and decodes the path: each of these reaches the API, so each is the API's answer.
    for (const path of ['/API/me/applications', '/%61pi/me/applications', '/%41PI/me/applications']) {
      const response = await new ApiSession().get(path);
      expect({ path, status: response.status, cacheControl: response.headers.get('cache-control') }).toEqual({
        path,
        status: 401,
        cacheControl: 'no-store',
      });
    }
  });

  it("answers an address that cannot be decoded in the API's shape, with every header an answer carries", async () => {
    const response = await new ApiSession().get<{ code: string; message: string }>('/api/jobs/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.message).toMatch(/address/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-request-id')).toEqual(expect.any(String));
  });

  it("answers a request Node cannot parse in the API's shape too, not the framework's", async () => {
    const { hostname, port } = new URL(process.env['API_URL'] as string);
    const answer = await new Promise<string>((done, fail) => {
      const socket = connect(Number(port), hostname, () => socket.write('GET api/jobs HTTP/1.1\r\nHost: x\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => done(text));
      socket.on('error', fail);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/cache-control: no-store/i);
    expect(head).toMatch(/x-content-type-options: nosniff/i);
    expect(head).toMatch(/x-frame-options: DENY/i);
    expect(head).toMatch(/content-security-policy: [^\r]*frame-ancestors 'none'/i);
    expect(JSON.parse(body)).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String) });
  });

  it('publishes the API documentation outside production', async () => {
    const response = await new ApiSession().get<{ openapi: string }>('/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
  });

  describe('in production', () => {
    let production: ApiServer;

    beforeAll(async () => {
      production = await startApiServer({ NODE_ENV: 'production' });
    });

    afterAll(async () => {
      await production?.stop();
    });

    it('asks browsers to use HTTPS only (HSTS) and to upgrade insecure requests', async () => {
      const response = await new ApiSession({ baseUrl: production.url }).get('/api/health');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    });

    it('does not publish the API documentation', async () => {
      const visitor = new ApiSession({ baseUrl: production.url });
      expect((await visitor.get('/api/docs-json')).status).toBe(404);
      expect((await visitor.request('GET', '/api/docs')).status).toBe(404);
    });
  });
});
