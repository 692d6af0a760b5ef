import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Heartbeats } from '../background/heartbeats';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { DEADLINE_SWEEP_QUEUE } from '../deadlines/deadline-sweep-schedule';
import { OutboxLag } from '../notifications/outbox-lag';
import { databaseUnavailableReason } from '../resilience/database-unavailable';
import { RequestGate } from '../resilience/request-gate';
import { SharedReading } from '../resilience/shared-reading';
import { within } from '../resilience/within';
import { HealthReport } from './health-report';

export const PING_TIMEOUT_MS = 3_000;
/** Failed sweeps in a row that make health `degraded` even while an older success is recent. */
const FAILURES_BEFORE_DEGRADED = 3;

/**
 * This instance's health and the cluster's background work (ADR 0024): the database answers, and
 * the deadline sweep succeeded within SWEEP_STALE_AFTER_SECONDS. A stale sweep is `degraded`, not
 * `down`: the instance still serves, and taking it out of a load balancer would not help.
 */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();
  /**
   * The checks, read once for every request that asks while they are being read: health is public and
   * never shed for load, so a flood of it must not take the database's connections from real work.
   */
  private readonly checks: SharedReading<HealthReport['checks']>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly heartbeats: Heartbeats,
    private readonly gate: RequestGate,
    private readonly outboxLag: OutboxLag,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.checks = new SharedReading(() => this.readChecks(), { reuseForMs: 0, clock });
  }

  /** 200 while this instance can serve; what it reads is shared by the requests that ask at once. */
  async report(): Promise<HealthReport> {
    const checks = await this.checks.get();
    const { database, deadlineSweep } = checks;
    const status: HealthReport['status'] = this.gate.isDraining
      ? 'draining'
      : database.status === 'down'
        ? 'down'
        : deadlineSweep.status === 'stale' || deadlineSweep.status === 'failing'
          ? 'degraded'
          : 'ok';
    return { status, checks };
  }

  /**
   * The three reads at once, each within PING_TIMEOUT_MS, so one reading (which every request arriving
   * meanwhile shares) never outlasts one timeout: a database that stops answering shows within it.
   */
  private async readChecks(): Promise<HealthReport['checks']> {
    const unknownSweep = { ...UNKNOWN_SWEEP } as HealthReport['checks']['deadlineSweep'];
    const [database, sweep, outbox] = await Promise.all([
      this.pingDatabase(),
      within(PING_TIMEOUT_MS, this.deadlineSweep()).catch(() => unknownSweep),
      within(PING_TIMEOUT_MS, this.outboxLag.read())
        .then((lag) => ({ status: 'ok' as const, ...lag }))
        .catch(() => UNKNOWN_OUTBOX),
    ]);
    // Without the database, what the other two read (or failed to) says nothing.
    return database.status === 'up'
      ? { database, deadlineSweep: sweep, outbox }
      : { database, deadlineSweep: unknownSweep, outbox: UNKNOWN_OUTBOX };
  }

  private async pingDatabase(): Promise<HealthReport['checks']['database']> {
    const started = Date.now();
    try {
      await within(PING_TIMEOUT_MS, this.dataSource.query('SELECT 1'));
      return { status: 'up', latencyMs: Date.now() - started };
    } catch (error) {
      const reason = databaseUnavailableReason(error) ?? (error instanceof Error ? error.message : 'no answer');
      return { status: 'down', reason };
    }
  }

  private async deadlineSweep(): Promise<HealthReport['checks']['deadlineSweep']> {
    const heartbeat = await this.heartbeats.of(DEADLINE_SWEEP_QUEUE);
    const staleAfter = this.config.resilience.sweepStaleAfterSeconds;
    const seconds = heartbeat.secondsSinceSuccess;
    // Right after a cluster's first start no sweep has run yet; that is only late once it lasts.
    const upSeconds = (Date.now() - this.startedAt) / 1000;
    const status =
      heartbeat.failuresInARow >= FAILURES_BEFORE_DEGRADED
        ? 'failing'
        : seconds === null
          ? upSeconds > staleAfter
            ? 'stale'
            : 'waiting'
          : seconds > staleAfter
            ? 'stale'
            : 'ok';
    return {
      status,
      lastSuccessAt: heartbeat.lastSuccessAt?.toISOString() ?? null,
      secondsSinceSuccess: seconds === null ? null : Math.round(seconds),
      failuresInARow: heartbeat.failuresInARow,
    };
  }
}

const UNKNOWN_OUTBOX = { status: 'unknown', pending: null, oldestPendingSeconds: null } as const;
const UNKNOWN_SWEEP = { status: 'unknown', lastSuccessAt: null, secondsSinceSuccess: null, failuresInARow: 0 } as const;
