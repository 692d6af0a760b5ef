import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createServer, Server } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { Heartbeats } from '../background/heartbeats';
import { JobQueue } from '../background/job-queue';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DEADLINE_SWEEP_QUEUE } from '../deadlines/deadline-sweep-schedule';
import { DatabaseOutage } from '../resilience/database-outage';
import { OutboxLag } from '../notifications/outbox-lag';
import { RequestGate } from '../resilience/request-gate';
import { within } from '../resilience/within';
import { PORTAL_ROUTE } from '../portal-hosting/serve-portal';

/** How long a scrape waits for the one figure it reads from the database. */
const SCRAPE_QUERY_MS = 1_000;

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Prometheus metrics on a port of their own (METRICS_PORT), never on the public one (ADR 0024):
 * requests by route and status with their latency, refusals, the database pool and outages,
 * background job failures and the deadline sweep's age. What to alert on: docs/operations.md.
 */
@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;
  private readonly requests = new Counter({
    name: 'heardback_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'heardback_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [this.registry],
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    heartbeats: Heartbeats,
    queue: JobQueue,
    gate: RequestGate,
    outage: DatabaseOutage,
    outboxLag: OutboxLag,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'heardback_' });
    const registers = [this.registry];
    new Gauge({
      name: 'heardback_http_requests_in_flight',
      help: 'Requests being handled by this instance now',
      registers,
      collect() {
        this.set(gate.activeRequests);
      },
    });
    let refusedSoFar = { shed: 0, timedOut: 0 };
    new Counter({
      name: 'heardback_http_requests_refused_total',
      help: 'Requests answered 503 by the request gate: shed for load, or past their deadline',
      labelNames: ['reason'] as const,
      registers,
      collect() {
        const now = gate.refusals;
        this.inc({ reason: 'overloaded' }, now.shed - refusedSoFar.shed);
        this.inc({ reason: 'deadline' }, now.timedOut - refusedSoFar.timedOut);
        refusedSoFar = now;
      },
    });
    new Gauge({
      name: 'heardback_database_pool_connections',
      help: "The API's PostgreSQL pool: connections open, idle, and callers waiting for one",
      labelNames: ['state'] as const,
      registers,
      collect() {
        const pool = (dataSource.driver as unknown as { master?: PoolCounts }).master;
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'heardback_database_up',
      help: '1 while this instance reaches PostgreSQL, 0 during an outage it has seen',
      registers,
      collect() {
        this.set(outage.current ? 0 : 1);
      },
    });
    const failedSoFar = new Map<string, number>();
    new Counter({
      name: 'heardback_background_job_failures_total',
      help: 'Background jobs that failed in this process (each is retried), by queue',
      labelNames: ['queue'] as const,
      registers,
      collect() {
        for (const [name, count] of queue.failedJobs) {
          this.inc({ queue: name }, count - (failedSoFar.get(name) ?? 0));
          failedSoFar.set(name, count);
        }
      },
    });
    new Gauge({
      name: 'heardback_outbox_due',
      help: 'Mail due and not yet accepted by the mail server, counted up to 1000; the oldest waited oldest_seconds',
      labelNames: ['measure'] as const,
      registers,
      async collect() {
        const lag = await within(SCRAPE_QUERY_MS, outboxLag.read()).catch(() => null);
        if (!lag) return this.reset();
        this.set({ measure: 'count' }, lag.pending);
        this.set({ measure: 'oldest_seconds' }, lag.oldestPendingSeconds);
      },
    });
    new Gauge({
      name: 'heardback_deadline_sweep_age_seconds',
      help: 'Seconds since the deadline sweep last succeeded on any instance (-1: never)',
      registers,
      async collect() {
        // A scrape must answer while the database does not: then this gauge is left out.
        const heartbeat = await within(SCRAPE_QUERY_MS, heartbeats.of(DEADLINE_SWEEP_QUEUE)).catch(() => null);
        if (heartbeat) this.set(heartbeat.secondsSinceSuccess ?? -1);
        else this.reset();
      },
    });
  }

  /** Counts each answered request under its route pattern (`/api/applications/:id`), never its raw path. */
  readonly onResponse = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const route = routePattern(request);
    const labels = { method: request.method, route };
    this.latency.observe(labels, reply.elapsedTime / 1000);
    this.requests.inc({ ...labels, status: String(reply.statusCode) });
    done();
  };

  onApplicationBootstrap(): void {
    const port = this.config.resilience.metricsPort;
    if (port === null) return;
    this.server = createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      this.registry
        .metrics()
        .then((text) => response.writeHead(200, { 'Content-Type': this.registry.contentType }).end(text))
        .catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
    this.server.listen(port, () => this.logger.log(`Prometheus metrics on http://localhost:${port}/metrics`));
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((done) => server.close(done));
  }
}

function routePattern(request: FastifyRequest): string {
  // Only routes the API declares have a pattern; the portal's files are served by a catch-all of its own.
  if (!request.is404 && request.routeOptions.url && request.routeOptions.url !== PORTAL_ROUTE)
    return request.routeOptions.url;
  return request.url.startsWith('/api/') ? 'unmatched' : 'portal';
}
