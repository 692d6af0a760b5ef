import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUDIT_EVENTS_DEFAULT_LIMIT,
  AuditAction,
  AuditChanges,
  AuditEntityType,
  AuditEventPage,
  UserRole,
} from '@heardback/contracts';
import { fieldError } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { AuditEventsQueryDto } from './dto/audit-events-query.dto';

interface AuditEventRow {
  id: string;
  occurred_at: Date;
  cursor_at: string;
  actor_id: string;
  actor_role: UserRole;
  actor_name: string;
  action: AuditAction;
  entity_type: AuditEntityType;
  entity_id: string;
  entity_label: string | null;
  changes: AuditChanges;
  request_id: string | null;
}

/**
 * The audit trail for staff, newest first, paged by (occurred_at, id) so a deep page is as fast
 * as the first. Each filter has an index led by its column (see the migration). The actor's name
 * comes from one join, the record's name from a lookup by primary key on the page's rows only.
 */
@Injectable()
export class AuditEventListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: AuditEventsQueryDto): Promise<AuditEventPage> {
    if (query.from && query.to && query.to < query.from) {
      throw fieldError('to', 'must not be before from');
    }
    const timeZone = this.config.calendar.timeZone;
    const limit = query.limit ?? AUDIT_EVENTS_DEFAULT_LIMIT;
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.actorId) where.push(`e.actor_id = ${param(query.actorId)}`);
    if (query.entityType) where.push(`e.entity_type = ${param(query.entityType)}`);
    if (query.entityId) where.push(`e.entity_id = ${param(query.entityId)}`);
    if (query.action) where.push(`e.action = ${param(query.action)}`);
    // Days in the agency's time zone: from the first day's midnight to the midnight after the last.
    if (query.from)
      where.push(`e.occurred_at >= (${param(query.from)}::date)::timestamp AT TIME ZONE ${param(timeZone)}`);
    if (query.to)
      where.push(`e.occurred_at < (${param(query.to)}::date + 1)::timestamp AT TIME ZONE ${param(timeZone)}`);
    if (query.cursor) {
      const cursor = decodeKeysetCursor(query.cursor);
      where.push(`(e.occurred_at, e.id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`);
    }
    const rows: AuditEventRow[] = await this.dataSource.query(
      `SELECT e.id, e.occurred_at, e.occurred_at::text AS cursor_at, e.actor_id, e.actor_role, actor.full_name AS actor_name,
              e.action, e.entity_type, e.entity_id, e.changes, e.request_id,
              CASE e.entity_type
                WHEN 'client' THEN (SELECT c.name FROM clients c WHERE c.id = e.entity_id)
                WHEN 'job' THEN (SELECT j.title FROM jobs j WHERE j.id = e.entity_id)
                WHEN 'user' THEN (SELECT u.full_name FROM users u WHERE u.id = e.entity_id)
                WHEN 'application' THEN (
                  SELECT u.full_name || ' – ' || j.title FROM applications a
                    JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id
                   WHERE a.id = e.entity_id)
              END AS entity_label
         FROM audit_events e
         JOIN users actor ON actor.id = e.actor_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actor: { id: row.actor_id, fullName: row.actor_name, role: row.actor_role },
        action: row.action,
        entity: { type: row.entity_type, id: row.entity_id, label: row.entity_label },
        changes: row.changes,
        requestId: row.request_id,
      })),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
      timeZone,
    };
  }
}
