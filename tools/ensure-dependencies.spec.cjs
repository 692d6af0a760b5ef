'use strict';

const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const SCRIPT = join(__dirname, 'ensure-dependencies.mjs');

describe('npm start and npm test on a Node.js that cannot run the API', () => {
  it('stop at once with the versions that work, before installing anything', () => {
    // The same as Node 22.0–22.11 or 20.18: require() of an ES module is not available.
    const run = spawnSync(process.execPath, ['--no-experimental-require-module', SCRIPT], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`This Node.js (${process.versions.node}) cannot require() ES modules`);
    expect(run.stderr).toContain('20.19 or later in 20.x, 22.12 or later in 22.x, or 24');
  });
});
