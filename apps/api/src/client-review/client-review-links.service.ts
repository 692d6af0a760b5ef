import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLIENT_REVIEW_PAGE_PATH, TimelineEventType } from '@heardback/contracts';
import { OPEN_STATUSES, clientReviewLinkExpiry } from '@heardback/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { hashToken } from '../auth/session.service';
import { formatAgencyTime } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { updateReturning } from '../database/update-returning';
import {
  ClientReviewRequestFacts,
  clientReviewRequestEmail,
  reviewLinkSentText,
} from '../notifications/client-review-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';

/** A link just made: its raw token exists only here and in the email written with it. */
export interface IssuedReviewLink {
  id: string;
  stageId: string;
  applicationId: string;
  contactId: string;
  token: string;
  expiresAt: Date;
}

/** Stages whose interviewers get their links in one sweep; the rest wait for the next (a minute later). */
export const REVIEW_LINKS_PER_SWEEP = 200;

/** The portal page a link opens. The token rides in the fragment, which browsers never send: no server or proxy log sees it. */
export function reviewPageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${CLIENT_REVIEW_PAGE_PATH}#${token}`;
}

/** 32 random bytes: unguessable, and the SHA-256 stored is of no use to whoever reads the database. */
export function newReviewToken(): string {
  return randomBytes(32).toString('base64url');
}

interface DueInterviewer {
  stage_id: string;
  application_id: string;
  contact_id: string;
}

/**
 * Client interviewers' review links (ADR 0031): issued once a stage with client interviewers has
 * taken place, one live link per interviewer and stage, only the token's SHA-256 stored.
 *
 * The public API, for the deadline sweep and the client reminders:
 * - `issueDueLinks(now)`: the sweep's one call; issues and emails every link that is due.
 * - `issue(manager, stageId, contactId, now)` / `replace(manager, linkId, now)`: a new link (a
 *   reminder's replaces the old one, which records what replaced it); the raw token is returned once.
 * - `emailFacts(manager, link)`: what the request and reminder emails say, link included.
 */
@Injectable()
export class ClientReviewLinks {
  private readonly logger = new Logger('ClientReviewLinks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new live link for the interviewer on the stage; fails (unique index) while another is live. */
  async issue(manager: EntityManager, stageId: string, contactId: string, now: Date): Promise<IssuedReviewLink> {
    const [stage]: { application_id: string; feedback_due_at: Date | null }[] = await manager.query(
      `SELECT application_id, feedback_due_at FROM application_stages WHERE id = $1`,
      [stageId],
    );
    if (!stage) throw new Error(`stage ${stageId} does not exist`);
    const token = newReviewToken();
    const expiresAt = clientReviewLinkExpiry(
      now,
      stage.feedback_due_at,
      this.config.clientReview.linkDays,
      this.config.calendar,
    );
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO client_review_links (stage_id, application_id, contact_id, token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [stageId, stage.application_id, contactId, hashToken(token), now, expiresAt],
    );
    return { id: row.id, stageId, applicationId: stage.application_id, contactId, token, expiresAt };
  }

  /**
   * For a reminder: revokes the live link `linkId` (pointing it at its successor) and issues a fresh
   * one to the same interviewer, whose token is returned once. Null when the link is not live any more.
   */
  async replace(manager: EntityManager, linkId: string, now: Date): Promise<IssuedReviewLink | null> {
    const [old] = await updateReturning<{ stage_id: string; contact_id: string }>(
      manager,
      `UPDATE client_review_links SET revoked_at = $2
        WHERE id = $1 AND revoked_at IS NULL AND submitted_at IS NULL
        RETURNING stage_id, contact_id`,
      [linkId, now],
    );
    if (!old) return null;
    const fresh = await this.issue(manager, old.stage_id, old.contact_id, now);
    await manager.query(`UPDATE client_review_links SET replaced_by_id = $2 WHERE id = $1`, [linkId, fresh.id]);
    return fresh;
  }

  /** What the request or reminder email says about this link: who, which candidate, job and stage, the promised date, the page. */
  async emailFacts(
    manager: EntityManager,
    link: IssuedReviewLink,
  ): Promise<ClientReviewRequestFacts & { email: string }> {
    const [row]: {
      interviewer_name: string;
      email: string;
      candidate_name: string;
      job_title: string;
      client_name: string;
      stage_name: string;
      promised_by: Date | null;
    }[] = await manager.query(
      `SELECT cc.full_name AS interviewer_name, cc.email, u.full_name AS candidate_name, j.title AS job_title,
              c.name AS client_name, s.name AS stage_name,
              -- The date the candidate holds: their open promise, else the stage's due time.
              COALESCE((SELECT p.due_at FROM application_promises p WHERE p.application_id = a.id AND p.ended_at IS NULL),
                       s.feedback_due_at) AS promised_by
         FROM client_review_links l
         JOIN client_contacts cc ON cc.id = l.contact_id
         JOIN application_stages s ON s.id = l.stage_id
         JOIN applications a ON a.id = l.application_id
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
        WHERE l.id = $1`,
      [link.id],
    );
    const zone = this.config.calendar.timeZone;
    return {
      email: row.email,
      interviewerName: row.interviewer_name,
      candidateName: row.candidate_name,
      jobTitle: row.job_title,
      clientName: row.client_name,
      stageName: row.stage_name,
      promisedBy: row.promised_by ? formatAgencyTime(row.promised_by, zone) : null,
      expires: formatAgencyTime(link.expiresAt, zone),
      link: reviewPageUrl(this.config.publicUrl, link.token),
    };
  }

  /**
   * Emails a new link to its interviewer and notes it on the application's internal timeline, in
   * the caller's transaction. The outbox row is the only copy of the token; it is sent to the
   * contact's address (no account: recipient_id is null).
   */
  async sendRequest(manager: EntityManager, link: IssuedReviewLink, actorId: string | null): Promise<void> {
    const facts = await this.emailFacts(manager, link);
    await this.outbox.enqueue(manager, {
      idempotencyKey: `client-review:${link.id}`,
      kind: 'client_review_request',
      recipientId: null,
      recipientEmail: facts.email,
      ...clientReviewRequestEmail(facts),
      applicationId: link.applicationId,
    });
    await this.timeline.append(manager, {
      applicationId: link.applicationId,
      type: TimelineEventType.ClientReviewRequested,
      stageId: link.stageId,
      text: reviewLinkSentText(facts.interviewerName, facts.stageName),
      candidateVisible: false,
      actorId,
    });
  }

  /**
   * The deadline sweep's call: every client interviewer of a stage that took place and still has
   * no feedback, who has never had a link for it, gets one by email. Bounded per sweep; each link
   * in its own transaction under the application's lock, so concurrent sweeps issue it once.
   */
  async issueDueLinks(now = this.clock.now()): Promise<number> {
    const due: DueInterviewer[] = await this.dataSource.query(
      `SELECT s.id AS stage_id, s.application_id, sci.contact_id
         FROM application_stages s
         JOIN applications a ON a.id = s.application_id
         JOIN stage_client_interviewers sci ON sci.stage_id = s.id
         JOIN client_contacts cc ON cc.id = sci.contact_id
        WHERE a.status = ANY($1)
          -- application_stages_feedback_due_idx: only stages whose feedback is still to come.
          AND s.state <> 'feedback_recorded' AND s.feedback_due_at IS NOT NULL
          AND (s.state = 'awaiting_feedback' OR s.held_at IS NOT NULL)
          AND cc.archived_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)
          -- Never a second link by the sweep: a revoked one stays revoked (client_review_links_by_application_idx).
          AND NOT EXISTS (SELECT 1 FROM client_review_links l
                           WHERE l.application_id = s.application_id AND l.stage_id = s.id AND l.contact_id = sci.contact_id)
        ORDER BY s.feedback_due_at, s.id, sci.contact_id
        LIMIT $2`,
      [OPEN_STATUSES, REVIEW_LINKS_PER_SWEEP],
    );
    let issued = 0;
    for (const interviewer of due) {
      const sent = await this.dataSource.transaction((manager) => this.issueOnce(manager, interviewer, now));
      if (sent) issued++;
    }
    if (issued > 0) this.logger.log(`Client review links sent: ${issued}`);
    return issued;
  }

  private async issueOnce(manager: EntityManager, interviewer: DueInterviewer, now: Date): Promise<boolean> {
    // Lock, then look again: feedback, a closure, another sweep's link or the contact's leaving may have come meanwhile.
    const still: unknown[] = await manager.query(
      `SELECT 1 FROM applications a WHERE a.id = $1 AND a.status = ANY($4)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = $2)
          AND EXISTS (SELECT 1 FROM client_contacts ct WHERE ct.id = $3 AND ct.archived_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM client_review_links l
                           WHERE l.application_id = $1 AND l.stage_id = $2 AND l.contact_id = $3)
        FOR UPDATE OF a`,
      [interviewer.application_id, interviewer.stage_id, interviewer.contact_id, OPEN_STATUSES],
    );
    if (still.length === 0) return false;
    const link = await this.issue(manager, interviewer.stage_id, interviewer.contact_id, now);
    await this.sendRequest(manager, link, null);
    return true;
  }
}
