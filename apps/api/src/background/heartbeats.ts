import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface QueueHeartbeat {
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  failuresInARow: number;
  /** Seconds since the last success, in the database's time; null if it never succeeded. */
  secondsSinceSuccess: number | null;
}

/** When each background queue last succeeded or failed, cluster-wide, in the database's time. */
@Injectable()
export class Heartbeats {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async succeeded(queue: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO background_heartbeats (queue, last_success_at, failures_in_a_row) VALUES ($1, now(), 0)
       ON CONFLICT (queue) DO UPDATE SET last_success_at = now(), failures_in_a_row = 0`,
      [queue],
    );
  }

  async failed(queue: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO background_heartbeats (queue, last_failure_at, failures_in_a_row) VALUES ($1, now(), 1)
       ON CONFLICT (queue) DO UPDATE
         SET last_failure_at = now(), failures_in_a_row = background_heartbeats.failures_in_a_row + 1`,
      [queue],
    );
  }

  async of(queue: string): Promise<QueueHeartbeat> {
    const [row] = (await this.dataSource.query(
      `SELECT last_success_at, last_failure_at, failures_in_a_row,
              extract(epoch FROM now() - last_success_at)::float8 AS seconds_since_success
         FROM background_heartbeats WHERE queue = $1`,
      [queue],
    )) as Array<{
      last_success_at: Date | null;
      last_failure_at: Date | null;
      failures_in_a_row: number;
      seconds_since_success: number | null;
    }>;
    return {
      lastSuccessAt: row?.last_success_at ?? null,
      lastFailureAt: row?.last_failure_at ?? null,
      failuresInARow: row?.failures_in_a_row ?? 0,
      secondsSinceSuccess: row?.seconds_since_success ?? null,
    };
  }
}
