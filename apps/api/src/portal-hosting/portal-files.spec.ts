import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMMUTABLE, listPortalFiles, REVALIDATE } from './portal-files';

describe('listPortalFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-files-'));
    for (const name of ['index.html', 'main-I4XMMJJA.js', 'chunk-5h57iyTG.js', 'chunk-5h57iyTG.js.br', 'robots.txt'])
      writeFileSync(join(dir, name), name);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('caches every hashed asset for a year, whatever the case of its hash, and checks the rest on every use', () => {
    const files = listPortalFiles(dir);
    expect(files.get('/main-I4XMMJJA.js')?.cacheControl).toBe(IMMUTABLE);
    expect(files.get('/chunk-5h57iyTG.js')?.cacheControl).toBe(IMMUTABLE);
    expect(files.get('/index.html')?.cacheControl).toBe(REVALIDATE);
    expect(files.get('/robots.txt')?.cacheControl).toBe(REVALIDATE);
  });

  it('takes a precompressed copy for its original, not for a file of its own', () => {
    const files = listPortalFiles(dir);
    expect(files.get('/chunk-5h57iyTG.js')?.encoded.get('br')).toBe('chunk-5h57iyTG.js.br');
    expect(files.has('/chunk-5h57iyTG.js.br')).toBe(false);
  });
});
