import { API_PREFIX, ErrorCode } from '@heardback/contracts';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathOf } from '../app/api-path';
import { isDocumentUpload } from '../app/request-bodies';
import { APP_CONFIG, AppConfig, ResilienceSettings } from '../config/app-config';
import { UNAVAILABLE, UnavailableCode } from './unavailable-words';

const HEALTH_PATH = `/${API_PREFIX}/health`;
/**
 * The score's CSV answers only once its figures and its first batch of groups are computed, each
 * statement within SCORE_TIMEOUT_MS (ADR 0047): its deadline allows one such statement more, so a
 * table too broad is refused with the score's advice, not the deadline's bare 503.
 */
const SCORE_CSV_PATH = `/${API_PREFIX}/agency/score.csv`;
const LOOP_DELAY_WINDOW_MS = 500;

/**
 * The door every request passes first (ADR 0024). It counts what is in flight, so a shutdown can
 * wait for it; refuses new work with a quick 503 when this instance is stopping, already has
 * `maxConcurrentRequests` in hand, or its event loop lags (the work would wait tens of seconds);
 * and answers 503 for a request still unanswered at its deadline, so no caller hangs on a fault.
 * Health is never shed for load, so an operator can still see why.
 */
@Injectable()
export class RequestGate implements OnModuleDestroy {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private recentLoopDelayMs = 0;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });
  private readonly sampler: NodeJS.Timeout;
  private readonly counters = { shed: 0, timedOut: 0 };
  private readonly settings: ResilienceSettings;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.resilience;
    this.loopDelay.enable();
    this.sampler = setInterval(() => {
      this.recentLoopDelayMs = this.loopDelay.mean / 1e6;
      this.loopDelay.reset();
    }, LOOP_DELAY_WINDOW_MS);
    this.sampler.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sampler);
    this.loopDelay.disable();
  }

  get activeRequests(): number {
    return this.inFlight.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Requests refused for load and requests answered at their deadline, since start. */
  get refusals(): { shed: number; timedOut: number } {
    return { ...this.counters };
  }

  /** The first hook of every request (after its log line is started). */
  readonly onRequest = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (this.draining) {
      reply.header('Connection', 'close');
      return refuse(reply, ErrorCode.ShuttingDown);
    }
    const path = pathOf(request.url);
    if (path !== HEALTH_PATH && this.overloaded()) {
      this.counters.shed++;
      return refuse(reply, ErrorCode.Overloaded);
    }
    const response = reply.raw;
    this.inFlight.add(response);
    const timer = setTimeout(
      () => {
        if (response.headersSent || reply.sent) return;
        this.counters.timedOut++;
        refuse(reply, ErrorCode.RequestTimeout);
      },
      this.deadlineFor(request, path),
    );
    response.once('close', () => {
      clearTimeout(timer);
      this.inFlight.delete(response);
      if (!this.draining) return;
      if (this.inFlight.size === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    });
    done();
  };

  /**
   * From now on every new request gets 503 and `Connection: close`; resolves true when the requests
   * in flight have all been answered, or false when `graceMs` ran out first.
   */
  drain(graceMs: number): Promise<boolean> {
    this.draining = true;
    this.onModuleDestroy();
    // Answers still to come close their connection, so no client reuses a socket about to go.
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), graceMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private overloaded(): boolean {
    return (
      this.inFlight.size >= this.settings.maxConcurrentRequests ||
      this.recentLoopDelayMs > this.settings.maxEventLoopDelayMs
    );
  }

  private deadlineFor(request: FastifyRequest, path: string): number {
    if (isDocumentUpload(request)) return this.settings.uploadTimeoutMs;
    if (path === SCORE_CSV_PATH) return this.settings.requestTimeoutMs + this.settings.database.scoreTimeoutMs;
    return this.settings.requestTimeoutMs;
  }
}

function refuse(reply: FastifyReply, code: UnavailableCode): void {
  const { message, retryAfterSeconds } = UNAVAILABLE[code];
  void reply.header('Retry-After', String(retryAfterSeconds)).code(503).send({ statusCode: 503, code, message });
}
