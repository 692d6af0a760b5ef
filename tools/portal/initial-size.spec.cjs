const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');
const { measure, routeChunk, staticImports } = require('./initial-size.cjs');

describe('measuring a first visit on the built portal', () => {
  /** @type {string} */
  let dir = '';
  /** @param {string} name @param {string} content */
  const write = (name, content) => writeFileSync(join(dir, name), content);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'initial-size-'));
    // As esbuild writes them: minified, static imports without spaces, the routes' dynamic imports.
    write(
      'index.html',
      '<link rel="stylesheet" href="styles-ABCDEFGH.css"><link rel="modulepreload" href="chunk-SHARED01.js">' +
        '<script src="main-MAIN0001.js" type="module"></script>',
    );
    write(
      'main-MAIN0001.js',
      'import{a as x}from"./chunk-SHARED01.js";import"./chunk-POLY0001.js";' +
        'const r=[{loadComponent:()=>import("./chunk-BOARD001.js").then(n=>n.JobBoard)},' +
        '{loadComponent:()=>import("./chunk-DETAIL01.js").then(n=>n.JobDetailPage)}];',
    );
    write('chunk-SHARED01.js', 'export const a=1;'.repeat(50));
    write('chunk-POLY0001.js', 'globalThis.p=1;');
    write(
      'chunk-BOARD001.js',
      'import{a}from"./chunk-SHARED01.js";import{b}from"./chunk-DATES001.js";export class JobBoard{}',
    );
    write('chunk-DATES001.js', 'export const b=2;');
    write('chunk-DETAIL01.js', 'import{c}from"./chunk-FORMS001.js";export class JobDetailPage{}');
    write('chunk-FORMS001.js', 'export const c=3;'.repeat(500));
  });

  it('counts what index.html starts and everything it imports statically, each file once, never a lazy route', () => {
    const rows = measure(dir, null);
    expect(rows.map((row) => row.name).sort()).toEqual(['chunk-POLY0001.js', 'chunk-SHARED01.js', 'main-MAIN0001.js']);
    const shared = rows.find((row) => row.name === 'chunk-SHARED01.js');
    expect(shared?.raw).toBe('export const a=1;'.repeat(50).length);
    expect(shared?.gzip).toBe(gzipSync('export const a=1;'.repeat(50), { level: 9 }).length);
  });

  it('adds the route’s chunk and its own imports, not those already counted as initial', () => {
    const rows = measure(dir, 'JobBoard');
    expect(rows.filter((row) => row.part === 'JobBoard').map((row) => row.name)).toEqual([
      'chunk-BOARD001.js',
      'chunk-DATES001.js',
    ]);
    expect(rows.some((row) => row.name === 'chunk-FORMS001.js')).toBe(false);
  });

  it('refuses a route no lazy import names, rather than measuring nothing', () => {
    expect(() => measure(dir, 'NoSuchPage')).toThrow('No lazy route whose component is NoSuchPage');
  });

  it('reads the import forms esbuild writes, and only the named route', () => {
    expect(
      staticImports('import{a as b}from"./chunk-AB12CD34.js";import "./chunk-EF56GH78.js";x.from("./y.js")'),
    ).toEqual(['chunk-AB12CD34.js', 'chunk-EF56GH78.js']);
    const code =
      'import("./chunk-ONE00001.js").then(m=>m.JobBoardExtra),import("./chunk-TWO00002.js").then((m)=>m.JobBoard)';
    expect(routeChunk(code, 'JobBoard')).toBe('chunk-TWO00002.js');
  });

  it('reads the names and quotes rollup writes when chunks are optimised (NG_BUILD_OPTIMIZE_CHUNKS)', () => {
    expect(staticImports('import{a}from"./chunk-CE_FUjy-.js";')).toEqual(['chunk-CE_FUjy-.js']);
    const code = 'loadComponent:()=>import(`./chunk-CGFRqArZ.js`).then(e=>e.JobBoard)';
    expect(routeChunk(code, 'JobBoard')).toBe('chunk-CGFRqArZ.js');
  });
});
