import { ApiError, ErrorCode } from '@heardback/contracts';
import { gzipSync } from 'node:zlib';
import { ApiSession } from '../support/api-client';
import { closeDatabase } from '../support/database';
import { registerCandidate } from '../support/factories';

/**
 * What a cross-site form or a hostile client can send: none of it may change anything, and none
 * of it may cause a 500. Each refusal names what was wrong.
 */
describe('requests the API refuses before any handler runs', () => {
  let candidate: ApiSession;
  const originalName = 'Hardening Candidate';

  beforeAll(async () => {
    ({ session: candidate } = await registerCandidate(originalName));
  });

  afterAll(closeDatabase);

  async function currentName(): Promise<string> {
    const me = await candidate.get<{ fullName: string }>('/api/auth/me');
    return me.body.fullName;
  }

  function errorOf(response: { text: string }): ApiError {
    return JSON.parse(response.text) as ApiError;
  }

  const rename = JSON.stringify({ fullName: 'Forged Name' });

  it.each(['/API/me/profile', '/Api/me/profile', '/%61pi/me/profile', '/api/me/%70rofile', '/api//me/profile'])(
    'refuses %s without the XSRF header, and changes nothing',
    async (path) => {
      const response = await candidate.send('PATCH', path, {
        headers: { 'content-type': 'application/json' },
        body: rename,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await currentName()).toBe(originalName);
    },
  );

  it('refuses an upper-case path without the XSRF header with 403 and says why', async () => {
    const response = await candidate.send('PATCH', '/API/me/profile', {
      headers: { 'content-type': 'application/json' },
      body: rename,
    });
    expect(response.status).toBe(403);
    expect(errorOf(response).message).toContain('security check expired');
  });

  it.each([
    ['empty', ''],
    ['one character', 'x'],
    ['19 characters', 'a'.repeat(19)],
  ])('refuses a token that is %s, even when the cookie and the header agree, and changes nothing', async (_, token) => {
    const response = await fetch(`${process.env['API_URL']}/api/me/profile`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        cookie: `hb_session=${candidate.sessionCookie}; XSRF-TOKEN=${token}`,
        'x-xsrf-token': token,
      },
      body: rename,
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as ApiError).message).toContain('security check expired');
    expect(await currentName()).toBe(originalName);
  });

  it('refuses a form-encoded body with 415, even with the XSRF header', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'fullName=Forged+Name',
      xsrf: true,
    });
    expect(response.status).toBe(415);
    expect(errorOf(response).code).toBe(ErrorCode.UnsupportedMediaType);
    expect(errorOf(response).message).toContain('application/json');
    expect(await currentName()).toBe(originalName);
  });

  it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/xml'])(
    'refuses a %s body with 415',
    async (contentType) => {
      const response = await candidate.send('PATCH', '/api/me/profile', {
        headers: { 'content-type': contentType },
        body: rename,
        xsrf: true,
      });
      expect(response.status).toBe(415);
      expect(await currentName()).toBe(originalName);
    },
  );

  it('refuses a body over 100 kB with 413', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fullName: 'x'.repeat(150 * 1024) }),
      xsrf: true,
    });
    expect(response.status).toBe(413);
    expect(errorOf(response).code).toBe(ErrorCode.PayloadTooLarge);
    expect(errorOf(response).message).toContain('100 kB');
  });

  it('refuses a charset other than UTF-8 with 415', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: rename,
      xsrf: true,
    });
    expect(response.status).toBe(415);
    expect(await currentName()).toBe(originalName);
  });

  it('refuses an unknown content encoding with 415', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'x-unknown' },
      body: rename,
      xsrf: true,
    });
    expect(response.status).toBe(415);
    expect(await currentName()).toBe(originalName);
  });

  it('still reads a gzip-encoded JSON body', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ fullName: 'Gzip Candidate' })),
      xsrf: true,
    });
    expect(response.status).toBe(200);
    expect(await currentName()).toBe('Gzip Candidate');
    await candidate.patch('/api/me/profile', { fullName: originalName });
  });

  it('reads an encoding named in capitals, as HTTP allows', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'GZIP' },
      body: gzipSync(JSON.stringify({ fullName: 'Capital Gzip' })),
      xsrf: true,
    });
    expect(response.status).toBe(200);
    expect(await currentName()).toBe('Capital Gzip');
    await candidate.patch('/api/me/profile', { fullName: originalName });
  });

  it('refuses bytes that are not UTF-8 with 400, in words, rather than reading them as something else', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"fullName":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      xsrf: true,
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).message).toContain('UTF-8');
    expect(await currentName()).toBe(originalName);
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json' },
      body: '{"fullName": ',
      xsrf: true,
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe(ErrorCode.ValidationFailed);
    expect(errorOf(response).message).toContain('not valid JSON');
  });

  it('refuses JSON nested thousands of levels deep with 400', async () => {
    const deep = '{"fullName":' + '['.repeat(3000) + ']'.repeat(3000) + '}';
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json' },
      body: deep,
      xsrf: true,
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).message).toContain('nested');
    expect(await currentName()).toBe(originalName);
  });

  it('refuses a body with a "__proto__" key as any field it does not ask for, naming it', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json' },
      body: '{"fullName":"Renamed By Proto","__proto__":{"role":"staff"}}',
      xsrf: true,
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).details?.[0]?.field).toBe('__proto__');
    expect(await currentName()).toBe(originalName);
  });

  it('still accepts an ordinary JSON body with an explicit UTF-8 charset', async () => {
    const response = await candidate.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ fullName: 'Zoë Ünicode' }),
      xsrf: true,
    });
    expect(response.status).toBe(200);
    expect(await currentName()).toBe('Zoë Ünicode');
    await candidate.patch('/api/me/profile', { fullName: originalName });
  });
});
