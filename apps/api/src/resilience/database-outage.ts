import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const PROBE_EVERY_MS = 2_000;

/**
 * Remembers that PostgreSQL is unreachable, so an outage is logged once when it starts and once
 * when it ends, not as a stack trace per request. While it lasts, a probe asks `SELECT 1` every
 * two seconds; the first answer ends it. Health and metrics read `current`.
 */
@Injectable()
export class DatabaseOutage implements OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private outage: { since: number; reason: string; failedRequests: number } | null = null;
  private probe: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get current(): { since: Date; reason: string } | null {
    return this.outage ? { since: new Date(this.outage.since), reason: this.outage.reason } : null;
  }

  /** A request failed because the database could not serve it. */
  report(reason: string): void {
    if (this.outage) {
      this.outage.failedRequests++;
      return;
    }
    this.outage = { since: Date.now(), reason, failedRequests: 1 };
    this.logger.error(`The database is unavailable (${reason}); requests get 503 until it answers again`);
    this.probe = setInterval(() => void this.checkRecovered(), PROBE_EVERY_MS);
    this.probe.unref();
  }

  onModuleDestroy(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }

  private async checkRecovered(): Promise<void> {
    const outage = this.outage;
    if (!outage) return;
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      return;
    }
    if (this.outage !== outage) return;
    this.outage = null;
    this.onModuleDestroy();
    const seconds = Math.round((Date.now() - outage.since) / 1000);
    this.logger.warn(
      `The database answers again after ${seconds} s; ${outage.failedRequests} request(s) got 503 meanwhile`,
    );
  }
}
