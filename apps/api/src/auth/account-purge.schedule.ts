import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../background/job-queue';
import { IdempotentCommands } from '../idempotency/idempotent-commands';
import { AccountTokensService } from './account-tokens.service';
import { RegistrationsService } from './registrations.service';
import { RateLimitStore } from '../throttling/rate-limit-store';
import { SessionService } from './session.service';

export const ACCOUNT_PURGE_QUEUE = 'account-purge';

/**
 * Every 15 minutes, across however many instances run: ended sessions, spent emailed tokens,
 * registrations whose link ran out, rate-limit counters whose window ended over an hour ago and idempotency keys over a day old are deleted.
 */
@Injectable()
export class AccountPurgeSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('AccountPurge');

  constructor(
    private readonly queue: JobQueue,
    private readonly sessions: SessionService,
    private readonly tokens: AccountTokensService,
    private readonly registrations: RegistrationsService,
    private readonly rateLimits: RateLimitStore,
    private readonly idempotencyKeys: IdempotentCommands,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsBackgroundWork) return;
    await this.queue.work(ACCOUNT_PURGE_QUEUE, () => this.purge(), { cron: '*/15 * * * *' });
  }

  async purge(): Promise<void> {
    const sessions = await this.sessions.purgeExpired();
    const tokens = await this.tokens.purgeSpent();
    const registrations = await this.registrations.purgeExpired();
    const counters = await this.rateLimits.purgeExpired();
    const keys = await this.idempotencyKeys.purgeExpired();
    if (sessions + tokens + registrations + counters + keys > 0) {
      this.logger.log(
        `Purged ${sessions} ended sessions, ${tokens} spent tokens, ${registrations} unfinished registrations, ${counters} rate-limit counters and ${keys} idempotency keys`,
      );
    }
  }
}
