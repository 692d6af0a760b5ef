#!/usr/bin/env node
// Runs before `npm start` and `npm test` (prestart/pretest). Plain Node, no dependencies:
// it must work before anything is installed.
//
// Installs dependencies when node_modules is missing or older than package-lock.json
// (npm writes node_modules/.package-lock.json at the end of every install).

import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const nodeModules = join(root, 'node_modules');
const installedMarker = join(nodeModules, '.package-lock.json');

// The API's cookie and static-file plugins ship as ES modules loaded with require(), which Node
// runs without a flag from 20.19 and 22.12 (22.0–22.11 would stop at start with ERR_REQUIRE_ESM).
if (!process.features.require_module) {
  console.error(
    `✘ This Node.js (${process.versions.node}) cannot require() ES modules, which the API's plugins need: use Node.js 20.19 or later in 20.x, 22.12 or later in 22.x, or 24, without --no-experimental-require-module.`,
  );
  process.exit(1);
}

const reason = whyInstall();
if (!reason) {
  console.log('✔ dependencies are up to date');
  process.exit(0);
}

const hasLock = existsSync(lockFile);
const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
const label = `npm ${args[0]}`;
console.log(`→ ${reason}: running ${label}…`);

const started = Date.now();
// Under `npm run`, npm_execpath is npm's own CLI: run that exact npm with this exact node.
const npmCli = process.env.npm_execpath;
const child =
  npmCli && /npm-cli\.js$/.test(npmCli)
    ? spawn(process.execPath, [npmCli, ...args], {
        cwd: root,
        stdio: 'inherit',
      })
    : spawn('npm', args, {
        cwd: root,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });

child.on('error', (error) => {
  fail(`could not run ${label}: ${error.message}`);
});
child.on('exit', (code, signal) => {
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (code === 0) {
    console.log(`✔ ${label} finished in ${took}`);
    process.exit(0);
  }
  fail(
    `${label} failed (${signal ? `signal ${signal}` : `exit code ${code}`}) after ${took}. Fix the error above, then run ${label} yourself or try again.`,
  );
});

function whyInstall() {
  if (!existsSync(nodeModules)) return 'node_modules is missing';
  if (!existsSync(installedMarker)) return 'node_modules looks incomplete (no node_modules/.package-lock.json)';
  if (existsSync(lockFile) && statSync(lockFile).mtimeMs > statSync(installedMarker).mtimeMs) {
    return 'package-lock.json is newer than node_modules';
  }
  return null;
}

/** @param {string} message */
function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}
