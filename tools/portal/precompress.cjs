#!/usr/bin/env node
// Writes a brotli (`.br`) and a gzip (`.gz`) copy next to each text file of the built portal, so the
// API sends the smallest one the browser takes without compressing anything per request
// (apps/api/src/portal-hosting). Run by `nx build portal` after Angular's build:
//
//   node tools/portal/precompress.cjs dist/apps/portal/browser

'use strict';

const { readdirSync, readFileSync, statSync, writeFileSync, rmSync } = require('node:fs');
const { extname, join, relative } = require('node:path');
const { brotliCompressSync, gzipSync, constants } = require('node:zlib');

/** Text formats worth compressing; images and fonts (woff2) are compressed already. */
const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.xml',
  '.ico',
  '.webmanifest',
  '.map',
]);
/** @typedef {'.br' | '.gz'} CopySuffix */
/** @type {CopySuffix[]} */
const COPIES = ['.br', '.gz'];

/**
 * Both copies of one file's bytes, at the highest settings: this runs once per build, not per request.
 * @param {Buffer} content
 * @returns {Record<CopySuffix, Buffer>}
 */
function compressBoth(content) {
  return {
    '.br': brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    '.gz': gzipSync(content, { level: constants.Z_BEST_COMPRESSION }),
  };
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Compresses every compressible file under `dir`; a copy that would not be smaller is not written
 * (and an old one is removed), so the server sends such a file as it is.
 * Returns what it did, per file, for the build log and the tests.
 * @param {string} dir
 * @returns {Array<{ file: string, size: number, '.br'?: number, '.gz'?: number }>}
 */
function precompressDirectory(dir) {
  /** @type {Array<{ file: string, size: number, '.br'?: number, '.gz'?: number }>} */
  const results = [];
  for (const file of filesUnder(dir)) {
    if (COPIES.some((suffix) => file.endsWith(suffix)) || !COMPRESSIBLE.has(extname(file).toLowerCase())) continue;
    const content = readFileSync(file);
    const copies = compressBoth(content);
    /** @type {{ '.br'?: number, '.gz'?: number }} */
    const written = {};
    for (const suffix of COPIES) {
      if (copies[suffix].length < content.length) {
        writeFileSync(file + suffix, copies[suffix]);
        written[suffix] = copies[suffix].length;
      } else {
        rmSync(file + suffix, { force: true });
      }
    }
    results.push({ file: relative(dir, file), size: content.length, ...written });
  }
  return results;
}

module.exports = { precompressDirectory, COMPRESSIBLE };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tools/portal/precompress.cjs <built portal directory>');
    process.exit(64);
  }
  const results = precompressDirectory(dir);
  /** @param {'size' | CopySuffix} key */
  const total = (key) => results.reduce((sum, result) => sum + (result[key] ?? result.size), 0);
  /** @param {number} bytes */
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `Precompressed ${results.length} files in ${dir}: ${kB(total('size'))} → brotli ${kB(total('.br'))}, gzip ${kB(total('.gz'))}`,
  );
}
