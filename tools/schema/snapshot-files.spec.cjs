'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { diffSnapshots, readSnapshot, writeSnapshot } = require('./snapshot-files.cjs');

const labels = { expectedLabel: 'snapshot', actualLabel: 'migrated' };

describe('the snapshot folder', () => {
  it('has no diff when every file is the same', () => {
    expect(diffSnapshots({ 'a.txt': 'x\n' }, { 'a.txt': 'x\n' }, labels)).toBe('');
  });

  it('diffs only the files that changed, naming them', () => {
    const diff = diffSnapshots({ 'a.txt': 'x\n', 'b.txt': 'same\n' }, { 'a.txt': 'y\n', 'b.txt': 'same\n' }, labels);
    expect(diff).toContain('--- snapshot/a.txt\n+++ migrated/a.txt\n');
    expect(diff).toContain('-x\n+y\n');
    expect(diff).not.toContain('b.txt');
  });

  it('shows a new file and a gone file against /dev/null', () => {
    const diff = diffSnapshots({ 'gone.txt': 'old\n' }, { 'new.txt': 'fresh\n' }, labels);
    expect(diff).toContain('--- snapshot/gone.txt\n+++ /dev/null\n');
    expect(diff).toContain('--- /dev/null\n+++ migrated/new.txt\n');
  });

  it('writes exactly the files given, removes stale ones and reads them back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-snapshot-'));
    try {
      fs.writeFileSync(path.join(dir, 'stale.txt'), 'old\n');
      fs.writeFileSync(path.join(dir, 'notes.md'), 'not ours\n');
      expect(writeSnapshot(dir, { 'a.txt': 'a\n', 'b.txt': 'b\n' })).toBe(3);
      expect(readSnapshot(dir)).toEqual({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
      expect(fs.existsSync(path.join(dir, 'notes.md'))).toBe(true);
      expect(writeSnapshot(dir, { 'a.txt': 'a\n', 'b.txt': 'b\n' })).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a folder that does not exist as no files', () => {
    expect(readSnapshot(path.join(os.tmpdir(), 'no-such-snapshot-folder'))).toEqual({});
  });
});
