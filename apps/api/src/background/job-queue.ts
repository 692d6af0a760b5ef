import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * pg-boss, the PostgreSQL-backed job queue: safe with any number of API and worker instances.
 * Every process can send jobs; only processes running background work (RUN_BACKGROUND, or
 * `npm run worker`) run cron schedules, maintenance and workers.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('JobQueue');
  private boss: PgBoss | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get runsBackgroundWork(): boolean {
    return this.config.runBackground;
  }

  async onModuleInit(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: 'pgboss',
      application_name: 'heardback-jobs',
      supervise: this.config.runBackground,
      schedule: this.config.runBackground,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    this.boss = boss;
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000, close: true });
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
    options: { cron?: string; singleton?: boolean } = {},
  ): Promise<void> {
    const boss = this.started();
    await boss.createQueue(queue, {
      name: queue,
      policy: options.singleton ? 'singleton' : 'standard',
      retryLimit: 3,
      expireInSeconds: 900,
    });
    if (options.cron) {
      await boss.schedule(queue, options.cron, {}, { singletonKey: queue });
    }
    await boss.work<T>(queue, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
    this.logger.log(`Working queue ${queue}${options.cron ? ` (${options.cron})` : ''}`);
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The job queue has not started');
    return this.boss;
  }
}
