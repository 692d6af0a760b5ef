import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuditAction,
  AuditEntityType,
  ClientReviewLinkState,
  ClientReviewLinkView,
  ErrorCode,
  INTERVIEWERS_MAX,
  TimelineEventType,
} from '@heardback/contracts';
import { DomainError, clientReviewLinkState, mayManageClientReview } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../applications/application-records';
import { AuditTrail } from '../audit/audit-trail';
import { CLOCK, Clock } from '../config/clock';
import { reviewLinkRevokedText } from '../notifications/client-review-messages';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { ClientReviewLinks } from './client-review-links.service';

/**
 * Links an application has ever had: live ones and those a reminder replaced (a few per
 * interviewer and stage); a page this long holds any real application's.
 */
const LINKS_PER_APPLICATION_MAX = 20 * INTERVIEWERS_MAX * 5;

interface LinkRow {
  id: string;
  application_id: string;
  stage_id: string;
  stage_name: string;
  contact_id: string;
  contact_name: string;
  contact_email: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  replaced_by_id: string | null;
  submitted_at: Date | null;
  stage_has_feedback: boolean;
  application_closed_at: Date | null;
  contact_archived_at: Date | null;
}

const LINK_SELECT = `
  SELECT l.id, l.application_id, l.stage_id, s.name AS stage_name, l.contact_id, cc.full_name AS contact_name,
         cc.email AS contact_email, cc.archived_at AS contact_archived_at, l.created_at, l.expires_at, l.revoked_at, l.replaced_by_id, l.submitted_at,
         EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = l.stage_id) AS stage_has_feedback,
         (SELECT a.closed_at FROM applications a WHERE a.id = l.application_id) AS application_closed_at
    FROM client_review_links l
    JOIN application_stages s ON s.id = l.stage_id
    JOIN client_contacts cc ON cc.id = l.contact_id`;

/** What staff and the owning recruiter do with review links: see them (never a token), revoke one, send a new one. */
@Injectable()
export class ClientReviewLinkAdmin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: ClientReviewLinks,
    private readonly timeline: TimelineService,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async linksOf(applicationId: string): Promise<ClientReviewLinkView[]> {
    const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM applications WHERE id = $1`, [applicationId]);
    if (exists.length === 0) throw notFound();
    const rows: LinkRow[] = await this.dataSource.query(
      `${LINK_SELECT} WHERE l.application_id = $1 ORDER BY s.position, l.created_at DESC, l.id LIMIT $2`,
      [applicationId, LINKS_PER_APPLICATION_MAX],
    );
    const now = this.clock.now();
    return rows.map((row) => toView(row, now));
  }

  private async linkView(linkId: string): Promise<ClientReviewLinkView> {
    const [row]: LinkRow[] = await this.dataSource.query(`${LINK_SELECT} WHERE l.id = $1`, [linkId]);
    return toView(row, this.clock.now());
  }

  /** Revokes a live link: it then says "revoked" to whoever opens it. Audited, and on the internal timeline. */
  async revoke(linkId: string, actor: UserEntity): Promise<ClientReviewLinkView> {
    await this.dataSource.transaction(async (manager) => {
      const link = await this.lockLink(manager, linkId, actor);
      if (link.revoked_at) {
        throw new DomainError(ErrorCode.Conflict, 'This link was already revoked or replaced; act on the newest one.');
      }
      await this.revokeIn(manager, link, actor, false);
    });
    return this.linkView(linkId);
  }

  /**
   * Emails the interviewer a new link, revoking this one if it is still live, in one transaction;
   * answers the new link. A link already replaced has a newer one: act on that instead (409).
   */
  async resend(linkId: string, actor: UserEntity): Promise<ClientReviewLinkView> {
    const freshId = await this.dataSource.transaction(async (manager) => {
      const link = await this.lockLink(manager, linkId, actor);
      const newer: unknown[] = await manager.query(
        `SELECT 1 FROM client_review_links
          WHERE stage_id = $1 AND contact_id = $2 AND revoked_at IS NULL AND id <> $3`,
        [link.stage_id, link.contact_id, link.id],
      );
      if (link.replaced_by_id || newer.length > 0) {
        throw new DomainError(ErrorCode.Conflict, 'A newer link was sent to this interviewer: act on that one.');
      }
      if (!link.revoked_at) await this.revokeIn(manager, link, actor, true);
      const fresh = await this.links.issue(manager, link.stage_id, link.contact_id, this.clock.now());
      await this.links.sendRequest(manager, fresh, actor.id);
      return fresh.id;
    });
    return this.linkView(freshId);
  }

  private async revokeIn(manager: EntityManager, link: LinkRow, actor: UserEntity, resent: boolean): Promise<void> {
    const now = this.clock.now();
    await manager.query(`UPDATE client_review_links SET revoked_at = $2, revoked_by = $3 WHERE id = $1`, [
      link.id,
      now,
      actor.id,
    ]);
    await this.audit.record(manager, {
      actor,
      action: AuditAction.ClientReviewLinkRevoked,
      entity: { type: AuditEntityType.Application, id: link.application_id },
      context: { stage: link.stage_name, contact: link.contact_name, resent },
      before: { link: link.id, revoked: false },
      after: { link: link.id, revoked: true },
    });
    await this.timeline.append(manager, {
      applicationId: link.application_id,
      type: TimelineEventType.ClientReviewLinkRevoked,
      stageId: link.stage_id,
      text: reviewLinkRevokedText(actor.fullName, link.contact_name, resent),
      candidateVisible: false,
      actorId: actor.id,
    });
  }

  /**
   * The link locked with its application (application first, as every change to it), if the actor
   * may manage it; a used link, or a stage with feedback, has nothing to revoke or resend (409).
   */
  private async lockLink(manager: EntityManager, linkId: string, actor: UserEntity): Promise<LinkRow> {
    const unknown = () => new DomainError(ErrorCode.NotFound, 'There is no such review link.');
    const [found]: { application_id: string }[] = await manager.query(
      `SELECT application_id FROM client_review_links WHERE id = $1`,
      [linkId],
    );
    if (!found) throw unknown();
    await manager.query(`SELECT 1 FROM applications WHERE id = $1 FOR UPDATE`, [found.application_id]);
    const [link]: (LinkRow & { owner_id: string | null })[] = await manager.query(
      `${LINK_SELECT.replace('SELECT', 'SELECT stage_owner(l.application_id, l.stage_id) AS owner_id,')}
        WHERE l.id = $1 FOR UPDATE OF l`,
      [linkId],
    );
    if (!link) throw unknown();
    if (!mayManageClientReview(actor, link.owner_id)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'Only the recruiter whose work this stage is, or staff, can revoke or resend its review links.',
      );
    }
    if (link.application_closed_at) {
      throw new DomainError(
        ErrorCode.Conflict,
        'This application is closed: the interviewer is no longer asked for feedback, so there is nothing to revoke or resend.',
      );
    }
    if (link.contact_archived_at) {
      throw new DomainError(
        ErrorCode.ClientContactArchived,
        `${link.contact_name} has left the client (their contact is archived): their links no longer open, and no new one is sent. Record the stage's feedback yourself.`,
      );
    }
    const state = stateOf(link, this.clock.now());
    if (state === ClientReviewLinkState.Used || state === ClientReviewLinkState.FeedbackRecorded) {
      throw new DomainError(
        ErrorCode.Conflict,
        state === ClientReviewLinkState.Used
          ? 'This interviewer has already sent their feedback through this link: there is nothing to revoke or resend.'
          : 'This stage already has its feedback: the interviewer needs no link any more.',
      );
    }
    return link;
  }
}

function toView(row: LinkRow, now: Date): ClientReviewLinkView {
  return {
    id: row.id,
    stageId: row.stage_id,
    stageName: row.stage_name,
    contact: { id: row.contact_id, fullName: row.contact_name, email: row.contact_email },
    state: stateOf(row, now),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    contactLeftAt: row.contact_archived_at?.toISOString() ?? null,
  };
}

function stateOf(row: LinkRow, now: Date): ClientReviewLinkState {
  return clientReviewLinkState(
    {
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      replacedById: row.replaced_by_id,
      submittedAt: row.submitted_at,
      stageHasFeedback: row.stage_has_feedback,
      applicationClosedAt: row.application_closed_at,
      contactArchivedAt: row.contact_archived_at,
    },
    now,
  );
}
