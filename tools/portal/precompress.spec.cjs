const { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { brotliDecompressSync, gunzipSync } = require('node:zlib');
const { precompressDirectory } = require('./precompress.cjs');

describe('precompressing the built portal', () => {
  /** @type {string} */
  let dir = '';
  const script = 'export const greeting = "hello";\n'.repeat(200);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'main-ABCDEFGH.js'), script);
    writeFileSync(join(dir, 'media', 'font-ABCDEFGH.woff2'), Buffer.alloc(2000, 7));
    writeFileSync(join(dir, 'tiny.txt'), 'x');
  });

  it('writes brotli and gzip copies that decompress to the file itself', () => {
    precompressDirectory(dir);
    expect(brotliDecompressSync(readFileSync(join(dir, 'main-ABCDEFGH.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(dir, 'main-ABCDEFGH.js.gz'))).toString()).toBe(script);
  });

  it('leaves formats that are compressed already, and copies that would be no smaller', () => {
    precompressDirectory(dir);
    expect(existsSync(join(dir, 'media', 'font-ABCDEFGH.woff2.br'))).toBe(false);
    expect(existsSync(join(dir, 'tiny.txt.br'))).toBe(false);
    expect(existsSync(join(dir, 'tiny.txt.gz'))).toBe(false);
  });

  it('can run twice without compressing its own copies', () => {
    precompressDirectory(dir);
    const again = precompressDirectory(dir).map((result) => result.file);
    expect(again.sort()).toEqual(['main-ABCDEFGH.js', 'tiny.txt']);
    expect(existsSync(join(dir, 'main-ABCDEFGH.js.br.br'))).toBe(false);
  });
});
