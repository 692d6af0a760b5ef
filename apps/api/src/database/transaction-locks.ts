import {
  EntityManager,
  EntitySubscriberInterface,
  EventSubscriber,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * The application rows each open transaction holds locked (`FOR UPDATE`), so that a later step of
 * the same transaction that needs one of those locks does not ask PostgreSQL for it again: a command
 * locks its application first, and the promise keeper, which every change goes through, locks the
 * same row again; a round trip per command for a lock already held (ADR 0055).
 *
 * Kept per query runner: TypeORM makes one for each `transaction()` and releases it at the end.
 * Everything a runner holds is forgotten as any of its transactions or TypeORM savepoints (a nested
 * `transaction()`) comes to an end, committed or rolled back, and before the end is tried, so a
 * failed one forgets too (`ForgetLocksWhenTransactionsEnd`): a savepoint's rollback releases the
 * locks taken inside it. A savepoint written by hand (`manager.query('SAVEPOINT …')`) is not seen
 * here, so the API writes none. Forgetting too soon costs one lock statement; remembering too long
 * would let two writers past each other, so this errs on forgetting.
 */
const heldLocks = new WeakMap<QueryRunner, Set<string>>();

/** Notes that `manager`'s transaction has locked these applications' rows; outside a transaction, nothing. */
export function rememberApplicationLocks(manager: EntityManager, applicationIds: Iterable<string>): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive || runner.isReleased) return;
  let held = heldLocks.get(runner);
  if (!held) {
    held = new Set();
    heldLocks.set(runner, held);
  }
  for (const id of applicationIds) held.add(id);
}

/** Whether `manager`'s transaction is known to hold this application's row lock. */
export function holdsApplicationLock(manager: EntityManager, applicationId: string): boolean {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive || runner.isReleased) return false;
  return heldLocks.get(runner)?.has(applicationId) ?? false;
}

/**
 * Listed in the data source's `subscribers`: a transaction's (or savepoint's) end forgets its runner's
 * locks. TypeORM only keeps listed subscribers that carry the decorator.
 */
@EventSubscriber()
export class ForgetLocksWhenTransactionsEnd implements EntitySubscriberInterface {
  beforeTransactionCommit(event: TransactionCommitEvent): void {
    heldLocks.delete(event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    heldLocks.delete(event.queryRunner);
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    heldLocks.delete(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    heldLocks.delete(event.queryRunner);
  }
}
