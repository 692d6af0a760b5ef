import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../background/job-queue';
import { AccountTokensService } from './account-tokens.service';
import { RateLimitStore } from '../throttling/rate-limit-store';
import { SessionService } from './session.service';

export const ACCOUNT_PURGE_QUEUE = 'account-purge';

/**
 * Every 15 minutes, across however many instances run: ended sessions, spent emailed tokens and
 * rate-limit counters whose window ended over an hour ago are deleted.
 */
@Injectable()
export class AccountPurgeSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('AccountPurge');

  constructor(
    private readonly queue: JobQueue,
    private readonly sessions: SessionService,
    private readonly tokens: AccountTokensService,
    private readonly rateLimits: RateLimitStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsBackgroundWork) return;
    await this.queue.work(ACCOUNT_PURGE_QUEUE, () => this.purge(), { cron: '*/15 * * * *' });
  }

  async purge(): Promise<void> {
    const sessions = await this.sessions.purgeExpired();
    const tokens = await this.tokens.purgeSpent();
    const counters = await this.rateLimits.purgeExpired();
    if (sessions + tokens + counters > 0) {
      this.logger.log(`Purged ${sessions} ended sessions, ${tokens} spent tokens and ${counters} rate-limit counters`);
    }
  }
}
