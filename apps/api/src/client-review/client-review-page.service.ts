import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ClientFeedbackReceipt,
  ClientReviewLinkState,
  ClientReviewPageView,
  ErrorCode,
  TimelineEventType,
} from '@heardback/contracts';
import { DomainError, clientReviewLinkState, holdUntilFor } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { hashToken } from '../auth/session.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { ownerOr } from '../deadlines/agency-people';
import { CandidateDocumentEntity } from '../documents/candidate-document.entity';
import { DOCUMENT_STORE, DocumentStore } from '../documents/document-store';
import {
  REVIEW_LINK_UNKNOWN,
  clientFeedbackReceivedEmail,
  clientFeedbackReceivedText,
} from '../notifications/client-review-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';
import { ClientFeedbackPublishing, lockDraft } from './client-feedback-publishing.service';
import { ClientFeedbackDto } from './dto/client-review.dto';
import { ReviewLinkClosedError } from './review-link-closed.error';

interface StoredLink {
  id: string;
  application_id: string;
  stage_id: string;
  contact_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  replaced_by_id: string | null;
  submitted_at: Date | null;
  stage_has_feedback: boolean;
  application_closed_at: Date | null;
  contact_archived_at: Date | null;
}

const LINK_COLUMNS = `l.id, l.application_id, l.stage_id, l.contact_id, l.expires_at, l.revoked_at, l.replaced_by_id,
  l.submitted_at, EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = l.stage_id) AS stage_has_feedback,
  (SELECT a.closed_at FROM applications a WHERE a.id = l.application_id) AS application_closed_at,
  (SELECT cc.archived_at FROM client_contacts cc WHERE cc.id = l.contact_id) AS contact_archived_at`;

/**
 * What a client interviewer does with their link, without an account: open the page, fetch the CV,
 * send feedback. The token is looked up by its SHA-256 through a unique index, so an unknown token
 * and a wrong one are the same single lookup. The page names this application's candidate, job and
 * stage only: no other candidate, no other stage, no candidate's email or phone.
 */
@Injectable()
export class ClientReviewPageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly publishing: ClientFeedbackPublishing,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(token: string): Promise<ClientReviewPageView> {
    const link = await this.openLink(this.dataSource.manager, token);
    const [row]: {
      interviewer_name: string;
      candidate_name: string;
      job_title: string;
      client_name: string;
      stage_name: string;
      starts_at: Date | null;
      ends_at: Date | null;
      cv_name: string | null;
      cv_size: number | null;
      promised_by: Date | null;
    }[] = await this.dataSource.query(
      `SELECT cc.full_name AS interviewer_name, u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name,
              s.name AS stage_name, s.starts_at, s.ends_at, d.file_name AS cv_name, d.size_bytes AS cv_size,
              COALESCE((SELECT p.due_at FROM application_promises p WHERE p.application_id = a.id AND p.ended_at IS NULL),
                       s.feedback_due_at) AS promised_by
         FROM application_stages s
         JOIN applications a ON a.id = s.application_id
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
         JOIN client_contacts cc ON cc.id = $2
         LEFT JOIN candidate_documents d ON d.id = a.cv_document_id
        WHERE s.id = $1`,
      [link.stage_id, link.contact_id],
    );
    return {
      interviewerName: row.interviewer_name,
      candidateName: row.candidate_name,
      jobTitle: row.job_title,
      clientName: row.client_name,
      stageName: row.stage_name,
      interview:
        row.starts_at && row.ends_at
          ? { startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() }
          : null,
      cv: row.cv_name !== null && row.cv_size !== null ? { fileName: row.cv_name, sizeBytes: row.cv_size } : null,
      feedbackDueAt: row.promised_by?.toISOString() ?? null,
      expiresAt: link.expires_at.toISOString(),
    };
  }

  /** The CV the candidate sent with this application, while the link is open; 404 when they sent none. */
  async cv(token: string): Promise<{ document: CandidateDocumentEntity; content: Buffer }> {
    return this.dataSource.transaction(async (manager) => {
      const link = await this.openLink(manager, token);
      const [application]: { cv_document_id: string | null }[] = await manager.query(
        `SELECT cv_document_id FROM applications WHERE id = $1`,
        [link.application_id],
      );
      const document = application.cv_document_id
        ? await manager.findOneBy(CandidateDocumentEntity, { id: application.cv_document_id })
        : null;
      const content = document ? await this.store.get(manager, document.id) : null;
      if (!document || !content) {
        throw new DomainError(ErrorCode.NotFound, 'The candidate sent no CV with this application.');
      }
      return { document, content };
    });
  }

  /**
   * Stores the client's draft and uses the link up, in one transaction under the application's and
   * the link's row locks (two submissions at once: one draft, the other sees "used"). With the
   * client's auto-publish on, the draft becomes the stage's feedback in the same transaction.
   */
  submit(request: ClientFeedbackDto): Promise<ClientFeedbackReceipt> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const found = await this.findLink(manager, request.token);
      // The application first, as every change to it does, then the link: one lock order.
      await manager.query(`SELECT 1 FROM applications WHERE id = $1 FOR UPDATE`, [found.application_id]);
      const link = await this.openLink(manager, request.token, { lock: true });
      const holdUntil = holdUntilFor(
        request.decision,
        request.holdUntil ? new Date(request.holdUntil) : null,
        now,
        this.config.calendar,
      );
      const [{ id: draftId }]: { id: string }[] = await manager.query(
        `INSERT INTO client_feedback_drafts
           (link_id, stage_id, application_id, contact_id, decision, rating, candidate_message, internal_notes, hold_until, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          link.id,
          link.stage_id,
          link.application_id,
          link.contact_id,
          request.decision,
          request.rating,
          request.candidateMessage,
          request.internalNotes?.trim() || null,
          holdUntil,
          now,
        ],
      );
      await manager.query(`UPDATE client_review_links SET submitted_at = $2 WHERE id = $1`, [link.id, now]);
      const draft = await lockDraft(manager, draftId, link.application_id);
      if (!draft) throw new Error(`draft ${draftId} vanished`);
      const [client]: { auto_publish: boolean; client_name: string }[] = await manager.query(
        `SELECT c.auto_publish_client_feedback AS auto_publish, c.name AS client_name
           FROM applications a JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id WHERE a.id = $1`,
        [link.application_id],
      );
      const published = client.auto_publish && (await this.publishing.autoPublishIn(manager, draft));
      const [stage]: { name: string }[] = await manager.query(`SELECT name FROM application_stages WHERE id = $1`, [
        link.stage_id,
      ]);
      await this.timeline.append(manager, {
        applicationId: link.application_id,
        type: TimelineEventType.ClientFeedbackReceived,
        stageId: link.stage_id,
        text: clientFeedbackReceivedText(
          draft.contact_name,
          { decision: draft.decision, rating: draft.rating, stageName: stage.name },
          published,
        ),
        candidateVisible: false,
        actorId: null,
      });
      if (!published) await this.tellOwner(manager, draft, stage.name, client.client_name);
      return { published };
    });
  }

  /** The stage's owner hears a draft is waiting (every recruiter when the stage is nobody's, as its reminders do). */
  private async tellOwner(
    manager: EntityManager,
    draft: { id: string; application_id: string; stage_id: string; contact_name: string },
    stageName: string,
    clientName: string,
  ): Promise<void> {
    const [facts]: { owner_id: string | null; candidate_name: string; job_title: string }[] = await manager.query(
      `SELECT stage_owner(a.id, $2) AS owner_id, u.full_name AS candidate_name, j.title AS job_title
         FROM applications a JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id WHERE a.id = $1`,
      [draft.application_id, draft.stage_id],
    );
    const recipients = await ownerOr(manager, facts.owner_id);
    const link = `${this.config.publicUrl}/recruiter/applications/${draft.application_id}`;
    await this.outbox.enqueue(
      manager,
      ...recipients.map((person) => ({
        idempotencyKey: `client-feedback:${draft.id}:${person.id}`,
        kind: 'client_feedback_received' as const,
        recipientId: person.id,
        recipientEmail: person.email,
        ...clientFeedbackReceivedEmail({
          recipientName: person.full_name,
          contactName: draft.contact_name,
          candidateName: facts.candidate_name,
          stageName,
          jobTitle: facts.job_title,
          clientName,
          link,
        }),
        applicationId: draft.application_id,
      })),
    );
  }

  /** The link behind `token` if it still opens the form, else 404 (unknown) or 410 with the reason. */
  private async openLink(manager: EntityManager, token: string, options: { lock?: boolean } = {}): Promise<StoredLink> {
    const link = await this.findLink(manager, token, options);
    const state = clientReviewLinkState(
      {
        expiresAt: link.expires_at,
        revokedAt: link.revoked_at,
        applicationClosedAt: link.application_closed_at,
        contactArchivedAt: link.contact_archived_at,
        replacedById: link.replaced_by_id,
        submittedAt: link.submitted_at,
        stageHasFeedback: link.stage_has_feedback,
      },
      this.clock.now(),
    );
    if (state !== ClientReviewLinkState.Open) throw new ReviewLinkClosedError(state);
    return link;
  }

  private async findLink(manager: EntityManager, token: string, options: { lock?: boolean } = {}): Promise<StoredLink> {
    const rows: StoredLink[] = await manager.query(
      `SELECT ${LINK_COLUMNS} FROM client_review_links l WHERE l.token_hash = $1 ${options.lock ? 'FOR UPDATE OF l' : ''}`,
      [hashToken(token)],
    );
    if (!rows[0]) throw new DomainError(ErrorCode.NotFound, REVIEW_LINK_UNKNOWN);
    return rows[0];
  }
}
