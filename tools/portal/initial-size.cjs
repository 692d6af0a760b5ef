#!/usr/bin/env node
// What a first visit costs in JavaScript, measured on the built portal (run by hand after `nx build portal`):
//
//   node tools/portal/initial-size.cjs dist/apps/portal/browser [--route JobBoard]
//
// "initial" is what index.html loads before anything else (its scripts and modulepreloads, and every chunk
// they import statically): Angular's own "Initial total", without the CSS. `--route NAME` adds the chunk the
// router loads for that page (the dynamic `import()` whose result is read as `.NAME`, e.g. JobBoard for
// /jobs) and its static imports: everything a visitor's browser runs before the page can show. Sizes per
// file as sent: raw, gzip level 9 and brotli quality 11 (the copies tools/portal/precompress.cjs writes).

'use strict';

const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { brotliCompressSync, gzipSync, constants } = require('node:zlib');

// esbuild names chunks with letters and digits; with NG_BUILD_OPTIMIZE_CHUNKS rollup adds `-` and `_`.
/** A module specifier's quote: esbuild writes " or ', rollup a backtick. */
const QUOTE = '["\'`]';
const CHUNK = String.raw`\.\/((?:chunk|main)-[A-Za-z0-9_-]+\.js)`;

/**
 * The chunks a chunk imports statically (`import … from"./chunk-X.js"`, `import"./chunk-X.js"`).
 * @param {string} code
 * @returns {string[]}
 */
function staticImports(code) {
  const found = code.matchAll(new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*)${QUOTE}${CHUNK}${QUOTE}`, 'g'));
  return [...found].map((match) => match[1]);
}

/**
 * The chunk of a lazily loaded page: `import("./chunk-X.js").then(m=>m.NAME)`.
 * @param {string} code
 * @param {string} exportName
 * @returns {string | null}
 */
function routeChunk(code, exportName) {
  const pattern = String.raw`import\(\s*${QUOTE}${CHUNK}${QUOTE}\s*\)\.then\(\s*\(?(\w+)\)?\s*=>\s*\2\.${exportName}\b`;
  return new RegExp(pattern).exec(code)?.[1] ?? null;
}

/**
 * The scripts index.html starts with.
 * @param {string} html
 * @returns {string[]}
 */
function entryScripts(html) {
  const found = html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="((?:chunk|main)-[A-Za-z0-9_-]+\.js)"/g);
  return [...found].map((match) => match[1]);
}

/**
 * The given chunks and everything they import statically, each once.
 * @param {string[]} start
 * @param {(name: string) => string} read
 * @returns {string[]}
 */
function closure(start, read) {
  const seen = new Set();
  const queue = [...start];
  while (queue.length > 0) {
    const name = /** @type {string} */ (queue.shift());
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...staticImports(read(name)));
  }
  return [...seen];
}

/**
 * @param {Buffer} content
 * @returns {{ raw: number, gzip: number, brotli: number }}
 */
function sizes(content) {
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * @param {string} dir
 * @param {string | null} route
 */
function measure(dir, route) {
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  const bytes = (/** @type {string} */ name) => {
    let content = files.get(name);
    if (!content) {
      content = readFileSync(join(dir, name));
      files.set(name, content);
    }
    return content;
  };
  const read = (/** @type {string} */ name) => bytes(name).toString('utf8');

  const initial = closure(entryScripts(readFileSync(join(dir, 'index.html'), 'utf8')), read);
  /** @type {string[]} */
  let page = [];
  if (route) {
    const chunk = initial.map((name) => routeChunk(read(name), route)).find((found) => found !== null);
    if (!chunk) throw new Error(`No lazy route whose component is ${route} in the initial chunks of ${dir}`);
    page = closure([chunk], read).filter((name) => !initial.includes(name));
  }
  const rows = [...initial.map((name) => ({ name, part: 'initial' })), ...page.map((name) => ({ name, part: route }))];
  return rows.map((row) => ({ ...row, ...sizes(bytes(row.name)) }));
}

/** @param {{ raw: number, gzip: number, brotli: number }[]} rows */
function total(rows) {
  return rows.reduce(
    (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
    {
      raw: 0,
      gzip: 0,
      brotli: 0,
    },
  );
}

function main() {
  const args = process.argv.slice(2);
  const routeAt = args.indexOf('--route');
  const route = routeAt >= 0 ? args[routeAt + 1] : null;
  const dir = args.find((arg, index) => !arg.startsWith('--') && index !== routeAt + 1) ?? 'dist/apps/portal/browser';
  const rows = measure(dir, route);
  const kb = (/** @type {number} */ n) => (n / 1000).toFixed(1).padStart(7);
  console.log(
    `${'file'.padEnd(22)} ${'part'.padEnd(10)} ${'raw kB'.padStart(7)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(22)} ${String(row.part).padEnd(10)} ${kb(row.raw)} ${kb(row.gzip)} ${kb(row.brotli)}`,
    );
  }
  const initialTotal = total(rows.filter((row) => row.part === 'initial'));
  console.log(
    `initial JS: raw=${kb(initialTotal.raw).trim()} kB gzip=${kb(initialTotal.gzip).trim()} kB brotli=${kb(initialTotal.brotli).trim()} kB`,
  );
  if (route) {
    const all = total(rows);
    console.log(
      `with ${route}: raw=${kb(all.raw).trim()} kB gzip=${kb(all.gzip).trim()} kB brotli=${kb(all.brotli).trim()} kB`,
    );
  }
}

if (require.main === module) {
  main();
}

module.exports = { staticImports, routeChunk, entryScripts, closure, measure };
