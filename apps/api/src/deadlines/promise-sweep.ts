import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TimelineEventType, UserRole } from '@heardback/contracts';
import { OPEN_STATUSES, automaticUpdateDueAt, lapseChasesOwner } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { formatAgencyTime, formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { promiseChasedText, promiseLapsedEmail, promisedToCandidate } from '../notifications/agency-messages';
import { promiseCheckInText, promiseLapsedText } from '../notifications/candidate-messages';
import { OutboxService } from '../notifications/outbox.service';
import { PROMISE_COLUMNS, PromiseRow } from '../promises/promise-facts';
import { PromiseKeeper } from '../promises/promise-keeper';
import { TimelineService } from '../timeline/timeline.service';
import { agencyPeople, ownerOr } from './agency-people';

/** How many promises one sweep takes up of each kind; the next sweep (a minute later) takes the rest. */
const BATCH = 500;

interface PromiseContext {
  candidate_name: string;
  job_title: string;
  client_name: string;
  owner_id: string | null;
  owner_name: string | null;
  stage_name: string | null;
}

/**
 * Issue 9, item 4: the system speaks when people do not. A promise whose date comes with nobody
 * acting is answered by the agency's rules at once: the candidate is told honestly that there is
 * no answer yet, that it has been chased, and the new date; the owner is chased (an answer's
 * reminders and escalation already do that), and staff too when a date lapses a second time in a
 * row. Before a far date, a long silence is broken with "no news yet; the date stands". Each
 * happens once: the promise row is locked and re-read, and ending it is the guard.
 */
@Injectable()
export class PromiseSweep {
  private readonly logger = new Logger('PromiseSweep');
  private backfilled = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly promises: PromiseKeeper,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `lookAheadMs`: how long until the sweep runs again. A promise that would lapse before then is
   * answered now, so no candidate waits past the date for the next sweep.
   */
  async sweep(now: Date, lookAheadMs: number): Promise<{ updates: number; checkIns: number }> {
    await this.backfillOnce();
    const horizon = new Date(now.getTime() + lookAheadMs);
    const lapsing: { id: string }[] = await this.dataSource.query(
      // An open offer's reply is the candidate's to give: OfferReplyAlerts follows its date up instead (ADR 0020).
      `SELECT p.id FROM application_promises p WHERE p.ended_at IS NULL AND p.due_at <= $1
          AND NOT (p.kind = 'offer_reply' AND EXISTS (SELECT 1 FROM offers o WHERE o.application_id = p.application_id AND o.answer IS NULL))
        ORDER BY p.due_at LIMIT ${BATCH}`,
      [horizon],
    );
    let updates = 0;
    for (const { id } of lapsing) {
      if (await this.each(id, (manager) => this.speakForLapsed(manager, id, now, horizon))) updates++;
    }
    const silent: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM application_promises WHERE ended_at IS NULL AND check_in_at <= $1 ORDER BY check_in_at LIMIT ${BATCH}`,
      [horizon],
    );
    let checkIns = 0;
    for (const { id } of silent) {
      if (await this.each(id, (manager) => this.checkIn(manager, id, now, horizon))) checkIns++;
    }
    if (updates + checkIns > 0) this.logger.log(`Automatic updates: ${updates}; check-ins: ${checkIns}`);
    return { updates, checkIns };
  }

  /** One promise per transaction; one that fails is logged and left for the next sweep, not the others. */
  private async each(id: string, work: (manager: EntityManager) => Promise<boolean>): Promise<boolean> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      this.logger.error(`Promise ${id} could not be swept: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private async speakForLapsed(manager: EntityManager, id: string, now: Date, horizon: Date): Promise<boolean> {
    const promise = await this.lockOpen(manager, id, `due_at <= $2`, horizon, now);
    if (!promise) return false;
    const context = await this.contextOf(manager, promise);
    const newDue = automaticUpdateDueAt(now, this.config.calendar, this.config.promises);
    await this.promises.end(manager, promise.id, 'updated', now);
    await this.promises.open(
      manager,
      {
        applicationId: promise.application_id,
        kind: promise.kind,
        stageId: promise.stage_id,
        dueAt: newDue,
        automatic: true,
        replacesId: promise.id,
        redatings: promise.redatings,
      },
      now,
    );
    const promised = promisedToCandidate(promise.kind, context.stage_name);
    const chased = await this.chase(manager, promise, context, newDue);
    await this.timeline.append(
      manager,
      {
        applicationId: promise.application_id,
        type: TimelineEventType.PromiseUpdated,
        stageId: promise.stage_id,
        text: promiseLapsedText(promise.kind, context.stage_name, this.format(newDue)),
        candidateVisible: true,
        actorId: null,
        promiseDueAt: newDue,
      },
      ...(chased.length > 0
        ? [
            {
              applicationId: promise.application_id,
              type: TimelineEventType.FeedbackReminder,
              stageId: promise.stage_id,
              text: promiseChasedText(promised, chased),
              candidateVisible: false,
              actorId: null,
            },
          ]
        : []),
    );
    return true;
  }

  /**
   * The owner is chased, and staff as well when this date was itself set by the rules (a second
   * lapse in a row). An answer's or a question's owner is not mailed here: their own reminder says it.
   */
  private async chase(manager: EntityManager, promise: PromiseRow, context: PromiseContext, newDue: Date) {
    const again = promise.automatic;
    const owners = !lapseChasesOwner(promise.kind) ? [] : await ownerOr(manager, context.owner_id);
    const staff = again ? await agencyPeople(manager, [UserRole.Staff]) : [];
    const recipients = [...owners, ...staff.filter((person) => !owners.some((owner) => owner.id === person.id))];
    const zone = this.config.calendar.timeZone;
    await this.outbox.enqueue(
      manager,
      ...recipients.map((person) => ({
        idempotencyKey: `promise-lapsed:${promise.id}:${person.id}`,
        kind: staff.includes(person) ? ('escalation' as const) : ('feedback_reminder' as const),
        recipientId: person.id,
        recipientEmail: person.email,
        ...promiseLapsedEmail({
          recipientName: person.full_name,
          candidateName: context.candidate_name,
          jobTitle: context.job_title,
          clientName: context.client_name,
          promised: promisedToCandidate(promise.kind, context.stage_name),
          was: formatTimeFor(promise.due_at, person.time_zone, zone),
          newDue: formatTimeFor(newDue, person.time_zone, zone),
          ownerName: context.owner_name,
          again,
          link: `${this.config.publicUrl}/recruiter/applications/${promise.application_id}`,
        }),
        applicationId: promise.application_id,
      })),
    );
    return recipients;
  }

  private async checkIn(manager: EntityManager, id: string, now: Date, horizon: Date): Promise<boolean> {
    const promise = await this.lockOpen(manager, id, `check_in_at <= $2`, horizon, now);
    if (!promise) return false;
    const context = await this.contextOf(manager, promise);
    // The event is the agency speaking: settling it moves the next check-in on from now.
    await this.timeline.append(manager, {
      applicationId: promise.application_id,
      type: TimelineEventType.PromiseCheckIn,
      stageId: promise.stage_id,
      text: promiseCheckInText(promise.kind, context.stage_name, this.format(promise.due_at)),
      candidateVisible: true,
      actorId: null,
      promiseDueAt: promise.due_at,
    });
    return true;
  }

  /** Locks the application, then the promise, and reads it again: a change made meanwhile wins. */
  private async lockOpen(
    manager: EntityManager,
    id: string,
    condition: string,
    horizon: Date,
    now: Date,
  ): Promise<PromiseRow | null> {
    const [application]: { open: boolean }[] = await manager.query(
      `SELECT a.status = ANY($2) AS open FROM applications a JOIN application_promises p ON p.application_id = a.id
        WHERE p.id = $1 FOR UPDATE OF a`,
      [id, OPEN_STATUSES],
    );
    if (!application) return null;
    if (!application.open) {
      // Closed with no settle (should not happen): end it, so it never blocks the sweep's batch.
      await this.promises.end(manager, id, 'closed', now);
      return null;
    }
    const [promise]: PromiseRow[] = await manager.query(
      `SELECT ${PROMISE_COLUMNS} FROM application_promises WHERE id = $1 AND ended_at IS NULL AND ${condition} FOR UPDATE`,
      [id, horizon],
    );
    return promise ?? null;
  }

  private async contextOf(manager: EntityManager, promise: PromiseRow): Promise<PromiseContext> {
    const [context]: PromiseContext[] = await manager.query(
      `SELECT u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name, o.id AS owner_id, o.full_name AS owner_name,
              s.name AS stage_name
         FROM applications a
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
         -- Whose work it is: the stage's, else the application's recruiter (ADR 0015).
         LEFT JOIN users o ON o.id = stage_owner(a.id, $2)
         LEFT JOIN application_stages s ON s.id = $2
        WHERE a.id = $1`,
      [promise.application_id, promise.stage_id],
    );
    return context;
  }

  /**
   * Open applications from before promises were kept get theirs once per process, in batches, so
   * an upgrade needs no data migration written twice (the rules live in TypeScript).
   */
  private async backfillOnce(): Promise<void> {
    if (this.backfilled) return;
    // Keyset by id: an application owed nothing (an offer from before reply-by dates) is passed once.
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const missing: { id: string }[] = await this.dataSource.query(
        `SELECT a.id FROM applications a WHERE a.status = ANY($1) AND a.id > $2
            AND NOT EXISTS (SELECT 1 FROM application_promises p WHERE p.application_id = a.id AND p.ended_at IS NULL)
          ORDER BY a.id LIMIT ${BATCH}`,
        [OPEN_STATUSES, after],
      );
      if (missing.length === 0) break;
      after = missing[missing.length - 1].id;
      await this.dataSource.transaction((manager) =>
        this.promises.settle(
          manager,
          missing.map((row) => row.id),
        ),
      );
    }
    this.backfilled = true;
  }

  private format(at: Date): string {
    return formatAgencyTime(at, this.config.calendar.timeZone);
  }
}
