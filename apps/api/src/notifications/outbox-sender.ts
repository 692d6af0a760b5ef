import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationDispatcher } from './notification-dispatcher.service';

/**
 * Drains the outbox while the process runs background work. Polling the outbox table is
 * delivery plumbing, not a business deadline: the deadlines themselves run on the job queue.
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxSender');
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runBackground) return;
    this.running = true;
    this.schedule(0);
  }

  /** Before shutdown, while the database and the SMTP pool are still open: the batch under way finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.current = this.tick().finally(() => (this.current = null));
    }, delay);
  }

  private async tick(): Promise<void> {
    let busy = false;
    try {
      const result = await this.dispatcher.dispatchDue();
      busy = result.claimed > 0;
    } catch (error) {
      this.logger.error(`Outbox pass failed: ${error instanceof Error ? error.message : error}`);
    }
    if (this.running) this.schedule(busy ? 0 : this.config.mail.pollMilliseconds);
  }
}
