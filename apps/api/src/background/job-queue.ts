import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { poolOptions } from '../database/data-source';
import { Heartbeats } from './heartbeats';

/** A sweep is safe to repeat, so a job held by a killed process is given up on soon (not after 15 minutes). */
const DEFAULT_EXPIRY_SECONDS = 120;
/** How often pg-boss notices expired jobs and retries them. */
const MAINTENANCE_SECONDS = 30;

export interface WorkOptions {
  /** Also schedule a job (once across all instances) on this cron. */
  cron?: string;
  /** How long one job may run before it counts as lost and is retried. */
  expireInSeconds?: number;
}

/**
 * pg-boss, the PostgreSQL-backed job queue: safe with any number of API and worker instances.
 * Every process can send jobs; only processes running background work (RUN_BACKGROUND, or
 * `npm run worker`) run cron schedules, maintenance and workers.
 *
 * No queue is a singleton: every job here is idempotent and guarded in the database, so a job
 * still "active" on a process that died never blocks the next one (ADR 0024). Each failure is
 * logged with its error and retried; each outcome is a heartbeat that /api/health reads.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('JobQueue');
  private boss: PgBoss | null = null;
  private readonly failures = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly heartbeats: Heartbeats,
  ) {}

  get runsBackgroundWork(): boolean {
    return this.config.runBackground;
  }

  /** Failed jobs by queue since this process started, for metrics. */
  get failedJobs(): ReadonlyMap<string, number> {
    return this.failures;
  }

  async onModuleInit(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: 'pgboss',
      application_name: 'heardback-jobs',
      supervise: this.config.runBackground,
      schedule: this.config.runBackground,
      maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
      ...(poolOptions({ ...this.config.resilience.database, poolSize: 4 }) as PgBoss.DatabaseOptions),
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    this.boss = boss;
  }

  async onModuleDestroy(): Promise<void> {
    // Bounded: a job still running is retried elsewhere once it expires; it is safe to repeat.
    await this.boss?.stop({ graceful: true, timeout: 2_000, close: true, wait: true });
    this.boss = null;
  }

  async send(queue: string, data: object): Promise<void> {
    await this.started().createQueue(queue, { name: queue });
    await this.started().send(queue, data);
  }

  /** Runs `handler` for each job on `queue`; with `cron`, also schedules a job (once across all instances). */
  async work<T extends object>(
    queue: string,
    handler: (data: T) => Promise<void>,
    options: WorkOptions = {},
  ): Promise<void> {
    const boss = this.started();
    const settings = {
      name: queue,
      policy: 'standard' as const,
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? DEFAULT_EXPIRY_SECONDS,
    };
    await boss.createQueue(queue, settings);
    // A queue created by an earlier version keeps its old policy and expiry unless told.
    await boss.updateQueue(queue, settings);
    if (options.cron) {
      await boss.schedule(queue, options.cron, {}, { singletonKey: queue });
    }
    await boss.work<T>(queue, async (jobs) => {
      for (const job of jobs) await this.run(queue, job, handler);
    });
    this.logger.log(`Working queue ${queue}${options.cron ? ` (${options.cron})` : ''}`);
  }

  private async run<T extends object>(queue: string, job: PgBoss.Job<T>, handler: (data: T) => Promise<void>) {
    try {
      await handler(job.data);
    } catch (error) {
      this.failures.set(queue, (this.failures.get(queue) ?? 0) + 1);
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.logger.error(`Job ${queue} ${job.id} failed, to be retried: ${reason}`);
      await this.heartbeats.failed(queue).catch(() => undefined);
      throw error;
    }
    await this.heartbeats.succeeded(queue).catch((error: unknown) => {
      this.logger.warn(`Job ${queue} ${job.id} succeeded but its heartbeat was not written: ${String(error)}`);
    });
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The job queue has not started');
    return this.boss;
  }
}
