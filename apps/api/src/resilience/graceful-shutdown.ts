import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { ResilienceSettings } from '../config/app-config';
import { RequestGate } from './request-gate';

/** Closing the app (the job queue, the outbox sender, the pools) gets this long after the drain. */
const CLOSE_BOUND_MS = 3_000;

/**
 * SIGTERM or SIGINT, as a deploy or Ctrl-C sends it (ADR 0024): health turns 503 and new requests
 * get 503 with `Connection: close` at once; requests in flight are answered; after at most
 * `shutdownGraceMs` what is left is closed, then the app. The process is gone within
 * grace + 3 s whatever hangs.
 */
export function shutDownGracefullyOn(
  signals: NodeJS.Signals[],
  app: INestApplication,
  settings: ResilienceSettings,
): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const hardStop = setTimeout(() => {
      logger.error(`Still stopping after ${settings.shutdownGraceMs + CLOSE_BOUND_MS} ms: exiting now`);
      process.exit(1);
    }, settings.shutdownGraceMs + CLOSE_BOUND_MS);
    hardStop.unref();
    void drainThenClose(app, settings, logger, signal).then(() => {
      for (const each of signals) process.removeListener(each, onSignal);
      // Exit by the signal, as an unhandled one would, so a supervisor sees why the process ended.
      process.kill(process.pid, signal);
    });
  };
  for (const signal of signals) process.on(signal, onSignal);
}

async function drainThenClose(
  app: INestApplication,
  settings: ResilienceSettings,
  logger: Logger,
  signal: NodeJS.Signals,
): Promise<void> {
  const gate = app.get(RequestGate);
  const server = app.getHttpServer() as Server;
  logger.log(`${signal}: draining ${gate.activeRequests} request(s) in flight`);
  const drained = await gate.drain(settings.shutdownGraceMs);
  if (!drained)
    logger.warn(`${gate.activeRequests} request(s) still open after ${settings.shutdownGraceMs} ms: closing`);
  server.close();
  server.closeAllConnections();
  try {
    await app.close();
  } catch (error) {
    logger.error(`Closing failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
