#!/usr/bin/env node
// The framework floor (ADR 0065): how many requests a second each way of serving HTTP can answer on
// this machine when the answer costs nothing. Each server answers GET /api/job with the same fixed JSON
// (the size of a job page), no database, no middleware: bare Fastify (what the bench's raw server is
// built on), bare Express 5, NestJS on Express (what the API runs on) and NestJS on Fastify. Servers are
// measured one at a time, in turns, for several rounds; the medians are printed.
//
//   node tools/bench/framework-floor.mjs [--rounds=3] [--duration=8] [--warm-up=3] [--connections=10]
//
// A server of this file is started by the same file: `node framework-floor.mjs --serve=<kind> --port=<n>`.

import { createRequire } from 'node:module';
import { load, median } from './bench-load.mjs';
import { startNodeServer } from './bench-processes.mjs';
import { commandLineOptions } from './command-line.mjs';

const options = commandLineOptions();
const require = createRequire(import.meta.url);
const KINDS = ['fastify', 'express', 'nest-express', 'nest-fastify'];

/** A job page's worth of JSON (about 540 bytes), the same for every server. */
const JOB = {
  id: '6f04c5f9-555e-56da-a24b-d20f778f34d8',
  title: 'Senior Platform Engineer',
  clientName: 'Orchard Analytics',
  location: 'London',
  salary: '£70,000–£85,000',
  status: 'open',
  description: 'We are looking for an engineer to run our platform. '.repeat(6),
  createdAt: '2026-12-01T09:00:00.000Z',
};

/** @param {string} kind @param {number} port */
async function serve(kind, port) {
  if (kind === 'fastify') {
    const app = require('fastify')();
    app.get('/api/job', async () => JOB);
    await app.listen({ port, host: '127.0.0.1' });
    return;
  }
  if (kind === 'express') {
    const app = require('express')();
    // As the API is set up (apps/api/src/app/create-app.ts): no ETag for JSON, no X-Powered-By.
    app.set('etag', false);
    app.disable('x-powered-by');
    app.get('/api/job', (/** @type {any} */ _request, /** @type {any} */ response) => response.json(JOB));
    app.listen(port, '127.0.0.1');
    return;
  }
  require('reflect-metadata');
  const { Controller, Get, Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  // Decorators applied by hand: this file is plain JavaScript, run without a compiler.
  class JobController {
    job() {
      return JOB;
    }
  }
  Controller('api')(JobController);
  const job = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(JobController.prototype, 'job'));
  Get('job')(JobController.prototype, 'job', job);
  class FloorModule {}
  Module({ controllers: [JobController] })(FloorModule);
  const app =
    kind === 'nest-fastify'
      ? await NestFactory.create(FloorModule, new (require('@nestjs/platform-fastify').FastifyAdapter)(), {
          logger: false,
        })
      : await NestFactory.create(FloorModule, { logger: false, bodyParser: false });
  if (kind === 'nest-express') {
    const express = /** @type {import('@nestjs/platform-express').NestExpressApplication} */ (app);
    express.set('etag', false);
    express.disable('x-powered-by');
  }
  await app.listen(port, '127.0.0.1');
}

if (options['serve']) {
  await serve(options['serve'], Number(options['port']));
} else {
  const rounds = Number(options['rounds'] ?? 3);
  const duration = Number(options['duration'] ?? 8);
  const warmUp = Number(options['warm-up'] ?? 3);
  const connections = Number(options['connections'] ?? 10);
  const port = Number(options['port'] ?? 4700);
  /** @type {Record<string, { rps: number, p50: number, p99: number }[]>} */
  const results = Object.fromEntries(KINDS.map((kind) => [kind, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const kind of KINDS) {
      // Something else answering on the port (a server left from a killed run) would be measured instead.
      const taken = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(
        () => true,
        () => false,
      );
      if (taken) throw new Error(`port ${port} is already answered by another process: stop it or pass --port=`);
      const server = await startNodeServer({
        args: [import.meta.filename, `--serve=${kind}`, `--port=${port}`],
        port,
        path: '/api/job',
      });
      try {
        const run = (/** @type {number} */ seconds) =>
          load({
            base: server.base,
            path: '/api/job',
            method: 'GET',
            headers: {},
            connections,
            duration: seconds,
            timeoutSeconds: 10,
          });
        await run(warmUp);
        const result = await run(duration);
        // A server that failed (or a port another process answers on) must not pass for a fast one.
        if (!server.alive() || result.non2xx + result.errors + result.timeouts > 0 || result.requests === 0) {
          throw new Error(
            `${kind}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, alive=${server.alive()}`,
          );
        }
        results[kind].push(result);
        console.error(
          `[floor] round ${round} ${kind}: rps=${Math.round(result.rps)} p50=${result.p50} p99=${result.p99}`,
        );
      } finally {
        await server.stop();
      }
    }
  }
  for (const kind of KINDS) {
    const runs = results[kind];
    console.log(
      `floor ${kind} rps=${Math.round(median(runs.map((r) => r.rps)))} p50=${median(runs.map((r) => r.p50))} ` +
        `p99=${median(runs.map((r) => r.p99))}`,
    );
  }
}
