import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DeadlineSweepService } from '../deadlines/deadline-sweep.service';

const DEADLINE_SWEEP = 'deadline-sweep';

/**
 * Background work on pg-boss, the PostgreSQL-backed queue: safe with any number of API or worker
 * instances. Its cron runs the deadline sweep once a minute across all of them (singleton queue).
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlineSweepService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runBackground) return;
    const boss = new PgBoss({ connectionString: this.config.databaseUrl, schema: 'pgboss', application_name: 'heardback-jobs' });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    await boss.createQueue(DEADLINE_SWEEP, { name: DEADLINE_SWEEP, policy: 'singleton', retryLimit: 0, expireInSeconds: 300 });
    await boss.schedule(DEADLINE_SWEEP, '* * * * *', {}, { singletonKey: DEADLINE_SWEEP });
    await boss.work(DEADLINE_SWEEP, async () => {
      await this.deadlines.sweep();
    });
    this.boss = boss;
    this.logger.log('Background jobs started: deadline sweep every minute');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000, close: true });
    this.boss = null;
  }
}
