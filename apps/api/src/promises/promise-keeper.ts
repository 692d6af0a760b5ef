import { Inject, Injectable } from '@nestjs/common';
import { PromiseKind } from '@heardback/contracts';
import {
  OPEN_STATUSES,
  PromiseTerms,
  checkInDueAt,
  interviewAwaited,
  stageInterviewEnd,
  promiseOwed,
  promiseToOpen,
  resumeSetAside,
  settlePromise,
} from '@heardback/domain';
import { EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PROMISE_COLUMNS, PromiseRow, loadPromiseFacts, storedPromise } from './promise-facts';
import { forIds, pickForIds, prepared, queryPrepared } from '../database/prepared-statement';
import { holdsApplicationLock, rememberApplicationLocks } from '../database/transaction-locks';

const LOCK_APPLICATIONS = forIds((match) =>
  prepared(`SELECT id FROM applications WHERE id ${match} ORDER BY id FOR UPDATE`),
);

// Every change settles promises: these are prepared once per connection (ADR 0064).
const OPEN_PROMISE = prepared(
  `INSERT INTO application_promises
     (application_id, kind, stage_id, due_at, made_at, made_by, automatic, sentence, replaces_id, redatings, check_in_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
);
const END_PROMISE = prepared(
  `UPDATE application_promises SET ended_at = $2, ended_how = $3, check_in_at = NULL WHERE id = $1 AND ended_at IS NULL`,
);
const END_ANSWER_PROMISE = prepared(
  `UPDATE application_promises SET ended_at = $2, ended_how = $3, check_in_at = NULL
    WHERE stage_id = $1 AND kind = 'answer' AND ended_at IS NULL`,
);
const SET_CHECK_IN = prepared(`UPDATE application_promises SET check_in_at = $2 WHERE id = $1`);

/** A promise to open in place of (or after) another. */
export interface NewPromise extends PromiseTerms {
  applicationId: string;
  madeBy?: string | null;
  automatic?: boolean;
  sentence?: string | null;
  replacesId?: string | null;
  redatings?: number;
}

/**
 * Keeps each open application's one open promise in step with its facts. Called in the transaction
 * of every change (TimelineService.append, which every change goes through), before the change is
 * mailed, so the email and the page say the same date. A promise about something new ends the old
 * one as kept; a first date follows the facts; a moved date stands until the agency acts.
 */
@Injectable()
export class PromiseKeeper {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async settle(manager: EntityManager, applicationIds: readonly string[]): Promise<void> {
    const ids = [...new Set(applicationIds)].sort();
    if (ids.length === 0) return;
    const now = this.clock.now();
    // Two settles of one application queue here, so the second sees the first's promise instead of
    // opening another beside it. Most callers locked the application first: those rows are not asked for again.
    const unlocked = ids.filter((id) => !holdsApplicationLock(manager, id));
    if (unlocked.length > 0) {
      const lock = pickForIds(LOCK_APPLICATIONS, unlocked);
      const locked = await queryPrepared<{ id: string }>(manager, lock.statement, [lock.ids]);
      // Only rows that exist were locked: an id that matched none is asked for again next time.
      rememberApplicationLocks(
        manager,
        locked.map((row) => row.id),
      );
    }
    const open = await loadPromiseFacts(manager, ids);
    // Closed: nothing more is owed (the closing words were the answer). The facts are read for open
    // applications only, so when every one came back open there is nothing to end.
    if (open.length < ids.length) {
      await manager.query(
        `UPDATE application_promises p SET ended_at = $2, ended_how = 'closed'
           FROM applications a
          WHERE a.id = p.application_id AND p.application_id = ANY($1) AND p.ended_at IS NULL AND NOT (a.status = ANY($3))`,
        [ids, now, OPEN_STATUSES],
      );
    }
    // The facts came with each open promise, locked.
    for (const { applicationId, facts, lastHeardAt, openPromise: current } of open) {
      const owed = promiseOwed(facts, now, this.config.calendar);
      if (!owed) {
        if (current) await this.end(manager, current.id, 'kept', now);
        continue;
      }
      const quietUntil = interviewAwaited(facts, owed);
      if (!current) {
        await this.open(
          manager,
          { applicationId, ...promiseToOpen(owed, now, this.config.calendar, this.config.promises) },
          lastHeardAt,
          quietUntil,
        );
        continue;
      }
      const settlement = settlePromise(storedPromise(current), owed);
      if (settlement === 'stands') {
        await this.refreshCheckIn(manager, current, lastHeardAt, quietUntil);
        continue;
      }
      await this.end(manager, current.id, settlement, now);
      // The candidate's question sets a promise aside (remembered), and answering it brings it back.
      const setAside = current.kind === PromiseKind.UpdateRequest ? await this.setAside(manager, current) : null;
      const opening = setAside
        ? resumeSetAside(
            { ...storedPromise(setAside), sentence: setAside.sentence },
            owed,
            now,
            this.config.calendar,
            this.config.promises,
          )
        : promiseToOpen(owed, now, this.config.calendar, this.config.promises);
      await this.open(
        manager,
        {
          applicationId,
          ...opening,
          replacesId: owed.kind === PromiseKind.UpdateRequest || setAside ? current.id : null,
        },
        lastHeardAt,
        quietUntil,
      );
    }
  }

  /**
   * Opens a promise (the caller has ended the one before); returns its id. `quietUntil`: the end of the
   * interview an answer waits on (`interviewAwaited`), read here when the caller does not hold the facts.
   */
  async open(
    manager: EntityManager,
    promise: NewPromise,
    lastHeardAt: Date,
    quietUntil?: Date | null,
  ): Promise<string> {
    const quiet = quietUntil === undefined ? await this.interviewAwaitedBy(manager, promise) : quietUntil;
    const [row] = await queryPrepared<{ id: string }>(manager, OPEN_PROMISE, [
      promise.applicationId,
      promise.kind,
      promise.stageId,
      promise.dueAt,
      this.clock.now(),
      promise.madeBy ?? null,
      promise.automatic ?? false,
      promise.sentence ?? null,
      promise.replacesId ?? null,
      promise.redatings ?? 0,
      this.checkInAt(lastHeardAt, promise.dueAt, quiet),
    ]);
    return row.id;
  }

  private async interviewAwaitedBy(manager: EntityManager, promise: NewPromise): Promise<Date | null> {
    if (promise.kind !== PromiseKind.Answer || !promise.stageId) return null;
    const [stage]: { ends_at: Date | null; held_at: Date | null }[] = await manager.query(
      `SELECT ends_at, held_at FROM application_stages WHERE id = $1`,
      [promise.stageId],
    );
    return stageInterviewEnd(stage ? { endsAt: stage.ends_at, heldAt: stage.held_at } : null);
  }

  async end(
    manager: EntityManager,
    id: string,
    how: 'kept' | 'redated' | 'updated' | 'superseded' | 'closed',
    now: Date,
  ): Promise<void> {
    await queryPrepared(manager, END_PROMISE, [id, now, how]);
  }

  /** Ends the open answer promise about a stage (its interview moved): settling opens the new one. */
  async endAnswerPromise(manager: EntityManager, stageId: string, how: 'superseded', now: Date): Promise<void> {
    await queryPrepared(manager, END_ANSWER_PROMISE, [stageId, now, how]);
  }

  /** The promise a question set aside: the one the question's promise replaced. */
  private async setAside(manager: EntityManager, question: PromiseRow): Promise<PromiseRow | null> {
    if (!question.replaces_id) return null;
    const [row]: PromiseRow[] = await manager.query(
      `SELECT ${PROMISE_COLUMNS} FROM application_promises WHERE id = $1`,
      [question.replaces_id],
    );
    return row ?? null;
  }

  private checkInAt(lastHeardAt: Date, dueAt: Date, quietUntil: Date | null): Date | null {
    return checkInDueAt(lastHeardAt, dueAt, this.config.calendar, this.config.promises, quietUntil);
  }

  /** The agency may have just spoken, or the interview moved: the next check-in counts from then. */
  private async refreshCheckIn(
    manager: EntityManager,
    promise: PromiseRow,
    lastHeardAt: Date,
    quietUntil: Date | null,
  ): Promise<void> {
    const checkInAt = this.checkInAt(lastHeardAt, promise.due_at, quietUntil);
    if ((checkInAt?.getTime() ?? null) === (promise.check_in_at?.getTime() ?? null)) return;
    await queryPrepared(manager, SET_CHECK_IN, [promise.id, checkInAt]);
  }
}
