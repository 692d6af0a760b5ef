import { Inject, Injectable } from '@nestjs/common';
import { prepared, queryPrepared } from '../database/prepared-statement';
import { AuditAction, AuditEntityType, UserRole } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { currentRequestId } from '../logging/request-logging';
import { AuditSnapshot, changedFields, contextFields } from './audit-changes';

export interface AuditedChange {
  /** The recruiter or staff member making the change. */
  actor: { id: string; role: UserRole };
  action: AuditAction;
  entity: { type: AuditEntityType; id: string };
  /** The record's audited fields before the change; null for a creation. */
  before: AuditSnapshot | null;
  after: AuditSnapshot;
  /** Unchanged fields that say what the change concerns, such as the stage's name. */
  context?: AuditSnapshot;
}

/** Every agency write records one: prepared once per connection (ADR 0064). */
const INSERT_AUDIT_EVENT = prepared(
  `INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, entity_type, entity_id, changes, request_id)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
);

/** Whose changes are audited: the agency's people. Candidates' own changes are on their timeline. */
const AUDITED_ROLES: ReadonlySet<UserRole> = new Set([UserRole.Recruiter, UserRole.Staff]);

/**
 * Writes the audit trail: one row per change an agency person makes, in the transaction of the
 * change itself (pass its EntityManager), so a change is never without its row and a failed write
 * of the row undoes the change. A command that changed nothing records nothing.
 */
@Injectable()
export class AuditTrail {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async record(manager: EntityManager, change: AuditedChange): Promise<void> {
    if (!AUDITED_ROLES.has(change.actor.role)) return;
    const changes = changedFields(change.before, change.after);
    if (Object.keys(changes).length === 0) return;
    await queryPrepared(manager, INSERT_AUDIT_EVENT, [
      this.clock.now(),
      change.actor.id,
      change.actor.role,
      change.action,
      change.entity.type,
      change.entity.id,
      JSON.stringify({ ...contextFields(change.context ?? {}), ...changes }),
      currentRequestId(),
    ]);
  }
}
