import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { updateReturning } from '../database/update-returning';

/** A claimed message as its sender knows it: `attempts` is the ownership token the claim wrote. */
export interface Claim {
  id: string;
  attempts: number;
}

/**
 * The leases a sender holds on the messages of one claimed batch (ADR 0023). Leases are short, so a
 * crashed sender's messages are taken over soon; while the batch is being sent, every message not
 * yet finished is renewed every third of the lease, so a slow batch never loses one mid-send. A
 * message is ours while its row is `sending` with our `attempts`: a sender that takes it over after
 * the lease ran out claims it again, which raises `attempts`, and every write below then misses it.
 */
export class BatchLease {
  private readonly logger = new Logger('Outbox');
  private readonly held = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly seconds: number,
    claims: readonly Claim[],
  ) {
    for (const claim of claims) this.held.set(claim.id, claim.attempts);
    this.timer = setInterval(
      () => {
        // One renewal at a time: a slow database gets a late renewal, not a pile of them.
        this.renewing ??= this.renewHeld().finally(() => (this.renewing = null));
      },
      (seconds * 1000) / 3,
    );
  }

  /** Renews one message's lease just before it is sent; false if another sender has taken it over. */
  async renew(claim: Claim): Promise<boolean> {
    if (!this.held.has(claim.id)) return false;
    const still = await this.renewAll([claim]);
    if (!still.has(claim.id)) this.held.delete(claim.id);
    return still.has(claim.id);
  }

  /** Sent, rescheduled or given up (or failed to be): no longer ours to renew. */
  release(claim: Claim): void {
    this.held.delete(claim.id);
  }

  /** Stops renewing, once any renewal under way has finished (so none outlives the database). */
  async end(): Promise<void> {
    clearInterval(this.timer);
    await this.renewing;
  }

  private async renewHeld(): Promise<void> {
    const claims = [...this.held].map(([id, attempts]) => ({ id, attempts }));
    if (claims.length === 0) return;
    try {
      const still = await this.renewAll(claims);
      for (const claim of claims) if (!still.has(claim.id)) this.held.delete(claim.id);
    } catch (error) {
      // The next tick tries again; until the lease runs out the messages are still ours.
      this.logger.warn(`Renewing the outbox lease failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  private async renewAll(claims: readonly Claim[]): Promise<Set<string>> {
    const rows = await updateReturning<{ id: string }>(
      this.dataSource.manager,
      `UPDATE notifications n SET locked_until = now() + make_interval(secs => $3)
         FROM unnest($1::uuid[], $2::integer[]) AS mine(id, attempts)
        WHERE n.id = mine.id AND n.attempts = mine.attempts AND n.status = 'sending'
        RETURNING n.id`,
      [claims.map((claim) => claim.id), claims.map((claim) => claim.attempts), this.seconds],
    );
    return new Set(rows.map((row) => row.id));
  }
}
