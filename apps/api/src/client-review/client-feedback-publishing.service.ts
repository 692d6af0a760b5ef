import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClientFeedbackDraftView, ErrorCode, FeedbackDecision, INTERVIEWERS_MAX, UserRole } from '@heardback/contracts';
import { DomainError, mayManageClientReview } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { StageFeedbackService } from '../applications/stage-feedback.service';
import { notFound } from '../applications/application-records';
import { CLOCK, Clock } from '../config/clock';
import { translatePostgresError } from '../database/postgres-errors';
import { clientGivenBy } from '../notifications/client-review-messages';
import { UserEntity } from '../users/user.entity';
import { PublishClientFeedbackDto } from './dto/client-review.dto';

/** One draft per link and at most one live link per interviewer and stage: a page of this many holds any application's. */
const DRAFTS_PER_APPLICATION_MAX = 20 * INTERVIEWERS_MAX;

export interface StoredDraft {
  id: string;
  application_id: string;
  stage_id: string;
  contact_id: string;
  contact_name: string;
  decision: FeedbackDecision;
  rating: number;
  candidate_message: string;
  internal_notes: string | null;
  hold_until: Date | null;
  published_at: Date | null;
}

/** Who publishes: the recruiter or staff member, or (auto-publish) the stage's owner on the client's behalf. */
type Publisher = Pick<UserEntity, 'id' | 'role' | 'fullName'>;

/**
 * A client interviewer's draft becomes the stage's feedback through the one feedback path
 * (StageFeedbackService), so the feedback rule, the candidate's timeline and email, the promise and
 * the audit trail all apply; the draft records what it became, in the same transaction.
 */
@Injectable()
export class ClientFeedbackPublishing {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stageFeedback: StageFeedbackService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The application's drafts, in pipeline order, for the agency (GET .../client-feedback). */
  async draftsOf(applicationId: string): Promise<ClientFeedbackDraftView[]> {
    const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM applications WHERE id = $1`, [applicationId]);
    if (exists.length === 0) throw notFound();
    const rows: (StoredDraft & {
      stage_name: string;
      contact_role: string;
      submitted_at: Date;
      published_by: string | null;
      publisher_name: string | null;
    })[] = await this.dataSource.query(
      `SELECT d.id, d.application_id, d.stage_id, s.name AS stage_name, d.contact_id, cc.full_name AS contact_name,
              cc.role AS contact_role, d.decision, d.rating, d.candidate_message, d.internal_notes, d.hold_until,
              d.submitted_at, d.published_at, d.published_by, pu.full_name AS publisher_name
         FROM client_feedback_drafts d
         JOIN application_stages s ON s.id = d.stage_id
         JOIN client_contacts cc ON cc.id = d.contact_id
         LEFT JOIN users pu ON pu.id = d.published_by
        WHERE d.application_id = $1
        ORDER BY s.position, d.submitted_at, d.id
        LIMIT $2`,
      [applicationId, DRAFTS_PER_APPLICATION_MAX],
    );
    return rows.map((row) => ({
      id: row.id,
      stageId: row.stage_id,
      stageName: row.stage_name,
      contact: { id: row.contact_id, fullName: row.contact_name, role: row.contact_role },
      decision: row.decision,
      rating: row.rating,
      candidateMessage: row.candidate_message,
      internalNotes: row.internal_notes,
      holdUntil: row.hold_until?.toISOString() ?? null,
      submittedAt: row.submitted_at.toISOString(),
      publishedAt: row.published_at?.toISOString() ?? null,
      publishedBy: row.published_by ? { id: row.published_by, fullName: row.publisher_name ?? '' } : null,
    }));
  }

  /** The recruiter's one click: the draft, with the candidate-facing words as they left them, becomes the stage's feedback. */
  publish(applicationId: string, draftId: string, request: PublishClientFeedbackDto, actor: UserEntity): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      // The application first, as every change to it does, then the draft: one lock order, no deadlock.
      await manager.query(`SELECT 1 FROM applications WHERE id = $1 FOR UPDATE`, [applicationId]);
      const draft = await lockDraft(manager, draftId, applicationId);
      if (!draft) throw new DomainError(ErrorCode.NotFound, 'There is no such client feedback on this application.');
      const [{ owner_id }]: { owner_id: string | null }[] = await manager.query(
        `SELECT stage_owner($1, $2) AS owner_id`,
        [applicationId, draft.stage_id],
      );
      if (!mayManageClientReview(actor, owner_id)) {
        throw new DomainError(
          ErrorCode.Forbidden,
          'Only the recruiter whose work this stage is, or staff, can publish this feedback.',
        );
      }
      await this.publishIn(manager, draft, actor, {
        version: request.version,
        candidateMessage: request.candidateMessage,
        holdUntil: request.holdUntil,
        publishedBy: actor.id,
      });
    });
  }

  /**
   * Publishes `draft` (locked by the caller, with its application) as `publisher`, in the caller's
   * transaction. Refuses a draft already published, or a stage whose feedback is in, with 409.
   */
  async publishIn(
    manager: EntityManager,
    draft: StoredDraft,
    publisher: Publisher,
    choice: { version: number; candidateMessage: string; holdUntil?: string; publishedBy: string | null },
  ): Promise<string> {
    if (draft.published_at) {
      throw new DomainError(
        ErrorCode.FeedbackAlreadyRecorded,
        'This client feedback is already published: the candidate has it.',
      );
    }
    const recorded: unknown[] = await manager.query(`SELECT 1 FROM feedback WHERE stage_id = $1 LIMIT 1`, [
      draft.stage_id,
    ]);
    if (recorded.length > 0) {
      throw new DomainError(
        ErrorCode.FeedbackAlreadyRecorded,
        'This stage already has its feedback, so this draft cannot be published. What the candidate read stays as it was recorded; to add to it, send them a message from the application page.',
      );
    }
    const feedbackId = await this.stageFeedback.recordFeedbackIn(
      manager,
      draft.application_id,
      draft.stage_id,
      {
        version: choice.version,
        decision: draft.decision,
        rating: draft.rating,
        candidateMessage: choice.candidateMessage,
        internalNotes: draft.internal_notes ?? undefined,
        holdUntil: choice.holdUntil ?? draft.hold_until?.toISOString(),
        givenBy: clientGivenBy(draft.contact_name),
      },
      publisher,
    );
    await manager.query(
      `UPDATE client_feedback_drafts SET published_at = $2, published_by = $3, feedback_id = $4 WHERE id = $1`,
      [draft.id, this.clock.now(), choice.publishedBy, feedbackId],
    );
    return feedbackId;
  }

  /**
   * The client's auto-publish: the stage's owner records it on the client's behalf (published_by
   * stays null). Returns false, changing nothing, when the stage has no owner or the feedback rule
   * refuses it now (the draft then waits for a person, as without auto-publish).
   */
  async autoPublishIn(manager: EntityManager, draft: StoredDraft): Promise<boolean> {
    const owners: Publisher[] = await manager.query(
      `SELECT u.id, u.role, u.full_name AS "fullName" FROM users u
        WHERE u.id = stage_owner($1, $2) AND u.role = ANY($3) AND u.disabled_at IS NULL`,
      [draft.application_id, draft.stage_id, [UserRole.Recruiter, UserRole.Staff]],
    );
    const owner = owners[0];
    if (!owner) return false;
    const [{ version }]: { version: number }[] = await manager.query(`SELECT version FROM applications WHERE id = $1`, [
      draft.application_id,
    ]);
    // A savepoint: if the rules refuse (say an earlier stage still lacks feedback), the draft stays.
    // TypeORM's own (a nested transaction), so that its end is seen by what the transaction remembers
    // (the application locks it holds, transaction-locks.ts).
    try {
      await manager.transaction((savepoint) =>
        this.publishIn(savepoint, draft, owner, {
          version,
          candidateMessage: draft.candidate_message,
          publishedBy: null,
        }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) && !translatePostgresError(error)) throw error;
      return false;
    }
    return true;
  }
}

/** The draft, locked, if it belongs to the application (else null: an id of another application is unknown here). */
export async function lockDraft(
  manager: EntityManager,
  draftId: string,
  applicationId: string,
): Promise<StoredDraft | null> {
  const rows: StoredDraft[] = await manager.query(
    `SELECT d.id, d.application_id, d.stage_id, d.contact_id, cc.full_name AS contact_name, d.decision, d.rating,
            d.candidate_message, d.internal_notes, d.hold_until, d.published_at
       FROM client_feedback_drafts d JOIN client_contacts cc ON cc.id = d.contact_id
      WHERE d.id = $1 AND d.application_id = $2
      FOR UPDATE OF d`,
    [draftId, applicationId],
  );
  return rows[0] ?? null;
}
