// @ts-check
'use strict';

/** The snapshot folder (one text file per table, view and function): compare, read and write it. */

const fs = require('node:fs');
const path = require('node:path');
const { byBytes } = require('./format-schema.cjs');
const { unifiedDiff } = require('./text-diff.cjs');

/** @typedef {Record<string, string>} SnapshotFiles file name → text */

/**
 * A diff of two sets of files, file by file, in name order; '' when they are the same. A missing file diffs
 * against /dev/null, as git shows it.
 * @param {SnapshotFiles} expected
 * @param {SnapshotFiles} actual
 * @param {{ expectedLabel: string, actualLabel: string }} labels prefixes of the file names in the headers
 */
function diffSnapshots(expected, actual, { expectedLabel, actualLabel }) {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort(byBytes);
  return names
    .filter((name) => expected[name] !== actual[name])
    .map((name) =>
      unifiedDiff(expected[name] ?? '', actual[name] ?? '', {
        expectedName: name in expected ? `${expectedLabel}/${name}` : '/dev/null',
        actualName: name in actual ? `${actualLabel}/${name}` : '/dev/null',
      }),
    )
    .join('\n');
}

/**
 * The .txt files of the folder; none if it does not exist.
 * @param {string} dir
 * @returns {SnapshotFiles}
 */
function readSnapshot(dir) {
  if (!fs.existsSync(dir)) return {};
  const names = fs.readdirSync(dir).filter((name) => name.endsWith('.txt'));
  return Object.fromEntries(names.map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}

/**
 * Makes the folder hold exactly these .txt files; returns how many files it wrote or removed.
 * @param {string} dir
 * @param {SnapshotFiles} files
 */
function writeSnapshot(dir, files) {
  const current = readSnapshot(dir);
  fs.mkdirSync(dir, { recursive: true });
  let changed = 0;
  for (const name of Object.keys(current)) {
    if (!(name in files)) {
      fs.rmSync(path.join(dir, name));
      changed++;
    }
  }
  for (const [name, text] of Object.entries(files)) {
    if (current[name] !== text) {
      fs.writeFileSync(path.join(dir, name), text);
      changed++;
    }
  }
  return changed;
}

module.exports = { diffSnapshots, readSnapshot, writeSnapshot };
