import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ApiProcess, startApiProcess } from '../support/api-server';

// The same step `nx build portal` runs after Angular's build.
const { precompressDirectory } = require(resolve(__dirname, '../../../../tools/portal/precompress.cjs')) as {
  precompressDirectory: (dir: string) => unknown;
};

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent, still encoded. */
  raw: Buffer;
  /** The body decoded by its Content-Encoding. */
  text: string;
}

/** A request with exactly these headers, and the body as it came over the wire (fetch would decode it). */
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const request = httpRequest(`${baseUrl}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const decoded = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        done({ status: response.statusCode ?? 0, headers: response.headers, raw, text: decoded.toString() });
      });
    });
    request.on('error', fail);
    request.end();
  });
}

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CHROME_ENCODINGS = 'gzip, deflate, br, zstd';

describe('the portal as the API delivers it', () => {
  const script = `console.log(${JSON.stringify('a line of the portal '.repeat(40))});\n`.repeat(50);
  const indexHtml = `<!doctype html><html><head><title>Heardback</title></head><body><hb-root></hb-root>${'<!-- -->'.repeat(200)}</body></html>`;
  let portalDir: string;
  let api: ApiProcess;

  beforeAll(async () => {
    // A dot-directory on the way, as a checkout under ~/.cache would have: serving must not mind.
    portalDir = join(mkdtempSync(join(tmpdir(), 'portal-')), '.build');
    mkdirSync(join(portalDir, 'media'), { recursive: true });
    writeFileSync(join(portalDir, 'index.html'), indexHtml);
    writeFileSync(join(portalDir, 'main-ABCD1234.js'), script);
    writeFileSync(join(portalDir, 'media', 'inter-ABCD1234.woff2'), Buffer.alloc(3000, 1));
    writeFileSync(join(portalDir, 'favicon.ico'), Buffer.alloc(500, 0));
    precompressDirectory(portalDir);
    api = await startApiProcess({
      databaseUrl: process.env['TEST_DATABASE_URL'] as string,
      env: { RUN_BACKGROUND: 'false', PORTAL_DIR: portalDir },
    });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    rmSync(portalDir, { recursive: true, force: true });
  });

  it('sends a hashed script brotli-compressed to a browser, cached for a year, without a cookie', async () => {
    const response = await get(api.url, '/main-ABCD1234.js', { 'accept-encoding': CHROME_ENCODINGS });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.raw.length).toBeLessThan(script.length / 10);
    expect(response.text).toBe(script);
  });

  it('sends gzip to a client that takes only gzip, and the file as it is to one that takes neither', async () => {
    const gzip = await get(api.url, '/main-ABCD1234.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(script);

    const refused = await get(api.url, '/main-ABCD1234.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.raw.toString()).toBe(script);
    expect(refused.headers['vary']).toMatch(/Accept-Encoding/i);
  });

  it('caches hashed fonts for a year too, and sends formats that are compressed already as they are', async () => {
    const font = await get(api.url, '/media/inter-ABCD1234.woff2', { 'accept-encoding': CHROME_ENCODINGS });
    expect(font.status).toBe(200);
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has index.html and files without a hash checked on every use, and sets no cookie on them', async () => {
    for (const path of ['/index.html', '/favicon.ico']) {
      const response = await get(api.url, path, { 'accept-encoding': CHROME_ENCODINGS });
      expect({ path, status: response.status, cacheControl: response.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        cacheControl: 'no-cache',
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('opens a deep link into the portal with index.html, compressed and not cached', async () => {
    const response = await get(api.url, '/jobs/7c9e6679-7425-40de-944b-e07fc1f90ae7', {
      accept: HTML,
      'accept-encoding': CHROME_ENCODINGS,
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.text).toBe(indexHtml);
  });

  it('answers unknown /api paths with the API JSON 404, never the portal, even when HTML is asked for', async () => {
    for (const path of ['/api/no-such-thing', '/API/no-such-thing', '/api/main-ABCD1234.js', '/api']) {
      const response = await get(api.url, path, { accept: HTML });
      expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({
        path,
        status: 404,
        type: expect.stringMatching(/^application\/json/),
      });
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('sets the XSRF cookie on API answers, where the portal picks it up before its first write', async () => {
    const tokens = new Set<string>();
    for (let visitor = 0; visitor < 20; visitor++) {
      const response = await get(api.url, '/api/health');
      const [, token] = /XSRF-TOKEN=([^;]*)/.exec(String(response.headers['set-cookie'])) ?? [];
      expect(token).toMatch(/^[0-9a-f]{32}$/);
      tokens.add(token);
    }
    // Each visitor's token is its own: a token another visitor can predict protects nothing.
    expect(tokens.size).toBe(20);
  });

  it('hashes no API answer for an ETag, and has index.html revalidated by its ETag and date', async () => {
    expect((await get(api.url, '/api/health')).headers['etag']).toBeUndefined();
    const first = await get(api.url, '/index.html');
    const { etag, 'last-modified': lastModified } = first.headers;
    expect(etag).toEqual(expect.any(String));
    expect(lastModified).toEqual(expect.any(String));
    const same = { 'if-none-match': String(etag), 'if-modified-since': String(lastModified) };
    expect((await get(api.url, '/index.html', same)).status).toBe(304);
    expect((await get(api.url, '/index.html', same)).headers['cache-control']).toBe('no-cache');
    // Another build's index.html (after a rollback, say) is sent in full, whatever its date.
    const other = { 'if-none-match': 'W/"1-0"', 'if-modified-since': new Date(Date.UTC(2100, 0, 1)).toUTCString() };
    expect((await get(api.url, '/index.html', other)).status).toBe(200);
  });

  it('answers a range past the end with 416 and a failed precondition with 412, not as a missing file', async () => {
    const pastTheEnd = await get(api.url, '/favicon.ico', { range: 'bytes=999999-' });
    expect(pastTheEnd.status).toBe(416);
    expect(pastTheEnd.headers['content-range']).toBe('bytes */500');
    expect((await get(api.url, '/favicon.ico', { range: 'bytes=0-9' })).raw.length).toBe(10);
    expect((await get(api.url, '/favicon.ico', { 'if-match': '"another"' })).status).toBe(412);
  });

  it('compresses JSON above the threshold on the fly, and leaves small answers as they are', async () => {
    const large = await get(api.url, '/api/docs-json', { 'accept-encoding': CHROME_ENCODINGS });
    expect(large.status).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    expect(large.headers['vary']).toMatch(/Accept-Encoding/i);
    expect((JSON.parse(large.text) as { openapi: string }).openapi).toMatch(/^3\./);
    expect(large.raw.length).toBeLessThan(large.text.length / 3);

    const gzipOnly = await get(api.url, '/api/docs-json', { 'accept-encoding': 'gzip' });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');

    const small = await get(api.url, '/api/health', { 'accept-encoding': CHROME_ENCODINGS });
    expect(small.status).toBe(200);
    expect(small.raw.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('sends a page for any other missing path only to a browser; other clients get a JSON 404', async () => {
    const page = await get(api.url, '/no-such-page', { accept: HTML });
    expect(page.status).toBe(200);
    expect(page.text).toBe(indexHtml);

    const client = await get(api.url, '/no-such-page.json', { accept: 'application/json' });
    expect(client.status).toBe(404);
    expect(client.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers a missing file with a 404 even to a browser, as a page open across a deployment asks for its old chunks', async () => {
    for (const path of ['/chunk-GONE1234.js', '/styles-GONE1234.css', '/media/gone.woff2']) {
      const missing = await get(api.url, path, { accept: '*/*', 'accept-encoding': CHROME_ENCODINGS });
      expect([path, missing.status]).toEqual([path, 404]);
      expect(missing.text).not.toContain('<hb-root>');
    }
    // A deep link, with no extension, is still a page.
    const page = await get(api.url, '/jobs/3f2c8f0e-1b1a-4c53-9a2b-0c6f9a2f3b11', { accept: HTML });
    expect(page.text).toBe(indexHtml);
  });
});
