import { DataSource, EntityManager, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { ForgetLocksWhenTransactionsEnd, holdsApplicationLock, rememberApplicationLocks } from './transaction-locks';

/** A query runner as TypeORM leaves it between statements: only the flags the registry reads. */
function runner(state: { active: boolean; released?: boolean }): QueryRunner {
  return { isTransactionActive: state.active, isReleased: state.released ?? false } as QueryRunner;
}

function managerOf(queryRunner: QueryRunner | undefined): EntityManager {
  return { queryRunner } as EntityManager;
}

describe('application locks a transaction holds', () => {
  const forget = new ForgetLocksWhenTransactionsEnd();

  it("are known to the transaction that took them, and to no other transaction's", () => {
    const mine = managerOf(runner({ active: true }));
    const theirs = managerOf(runner({ active: true }));
    rememberApplicationLocks(mine, ['a1', 'a2']);
    expect(holdsApplicationLock(mine, 'a1')).toBe(true);
    expect(holdsApplicationLock(mine, 'a2')).toBe(true);
    expect(holdsApplicationLock(mine, 'a3')).toBe(false);
    expect(holdsApplicationLock(theirs, 'a1')).toBe(false);
  });

  it('are never remembered outside a transaction, where a lock ends with its statement', () => {
    const idle = runner({ active: false });
    rememberApplicationLocks(managerOf(idle), ['a1']);
    rememberApplicationLocks(managerOf(undefined), ['a1']);
    Object.assign(idle, { isTransactionActive: true });
    expect(holdsApplicationLock(managerOf(idle), 'a1')).toBe(false);
    expect(holdsApplicationLock(managerOf(undefined), 'a1')).toBe(false);
  });

  it('are forgotten as the transaction or a savepoint commits or rolls back, and before either is tried', () => {
    const commit = (queryRunner: QueryRunner) => ({ queryRunner }) as TransactionCommitEvent;
    const rollback = (queryRunner: QueryRunner) => ({ queryRunner }) as TransactionRollbackEvent;
    for (const end of [
      (queryRunner: QueryRunner) => forget.beforeTransactionCommit(commit(queryRunner)),
      (queryRunner: QueryRunner) => forget.afterTransactionCommit(commit(queryRunner)),
      (queryRunner: QueryRunner) => forget.beforeTransactionRollback(rollback(queryRunner)),
      (queryRunner: QueryRunner) => forget.afterTransactionRollback(rollback(queryRunner)),
    ]) {
      // The runner stays in its transaction, as it does when a savepoint ends (or its rollback fails).
      const queryRunner = runner({ active: true });
      const manager = managerOf(queryRunner);
      rememberApplicationLocks(manager, ['a1']);
      end(queryRunner);
      expect(holdsApplicationLock(manager, 'a1')).toBe(false);
    }
  });

  it('are not trusted once the runner has left its transaction or been released', () => {
    const queryRunner = runner({ active: true });
    const manager = managerOf(queryRunner);
    rememberApplicationLocks(manager, ['a1']);
    Object.assign(queryRunner, { isReleased: true });
    expect(holdsApplicationLock(manager, 'a1')).toBe(false);
    Object.assign(queryRunner, { isReleased: false, isTransactionActive: false });
    expect(holdsApplicationLock(manager, 'a1')).toBe(false);
  });

  it("are forgotten by the API's own data source: TypeORM keeps the subscriber (it drops an undecorated one)", async () => {
    // Metadata only, as TypeORM builds it at start; nothing here talks to PostgreSQL.
    const dataSource = new DataSource(dataSourceOptions('postgres://nobody@127.0.0.1:1/none'));
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    expect(dataSource.subscribers.some((subscriber) => subscriber instanceof ForgetLocksWhenTransactionsEnd)).toBe(
      true,
    );
  });
});
