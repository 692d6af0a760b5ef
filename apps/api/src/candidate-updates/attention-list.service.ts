import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { AttentionItem, AttentionReason } from '@heardback/contracts';
import { LONG_SILENCE_DAYS, OPEN_STATUSES, daysSilent } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface AttentionRow {
  application_id: string;
  version: number;
  candidate_name: string;
  job_title: string;
  client_name: string;
  reason: AttentionReason;
  text: string | null;
  due_at: Date | null;
  last_heard_at: Date;
}

/** Another offer raises an application above everything that is not yet overdue. */
const PRIORITY: Record<AttentionReason, number> = { other_offer: 0, decision_date: 1, update_requested: 2, silent: 3 };

/**
 * Applications that need words to the candidate, beside the feedback queue: requests for an
 * update, other offers, decision dates, and candidates who have heard nothing for a week.
 */
@Injectable()
export class AttentionListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Times in the details are written in the reader's zone (`readerZone`), else the agency's. */
  async list(readerZone: string | null = null, now = this.clock.now()): Promise<AttentionItem[]> {
    const rows: AttentionRow[] = await this.dataSource.query(
      `WITH open_apps AS (
         SELECT a.id, a.version, a.candidate_decision_at, u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name,
                heard.last_heard_at, heard.last_answered_at
           FROM applications a
           CROSS JOIN LATERAL application_last_heard(a) heard
           JOIN users u ON u.id = a.candidate_id
           JOIN jobs j ON j.id = a.job_id
           JOIN clients c ON c.id = j.client_id
          WHERE a.status = ANY($1))
       SELECT o.id AS application_id, o.version, o.candidate_name, o.job_title, o.client_name, 'update_requested' AS reason,
              cu.text, cu.answer_due_at AS due_at, o.last_heard_at
         FROM open_apps o JOIN candidate_updates cu ON cu.application_id = o.id
        WHERE cu.kind = 'request_update' AND cu.answered_at IS NULL
       UNION ALL
       SELECT o.id, o.version, o.candidate_name, o.job_title, o.client_name, 'other_offer', cu.text, cu.deadline, o.last_heard_at
         FROM open_apps o JOIN candidate_updates cu ON cu.application_id = o.id
        WHERE cu.kind = 'other_offer' AND (cu.deadline IS NULL OR cu.deadline > $2::timestamptz - interval '1 day')
          AND (o.last_answered_at IS NULL OR o.last_answered_at < cu.created_at)
       UNION ALL
       SELECT o.id, o.version, o.candidate_name, o.job_title, o.client_name, 'decision_date', NULL, o.candidate_decision_at, o.last_heard_at
         FROM open_apps o
        WHERE o.candidate_decision_at IS NOT NULL
       UNION ALL
       SELECT o.id, o.version, o.candidate_name, o.job_title, o.client_name, 'silent', NULL,
              o.last_heard_at + make_interval(days => $3), o.last_heard_at
         FROM open_apps o
        WHERE o.last_heard_at <= $2::timestamptz - make_interval(days => $3)`,
      [OPEN_STATUSES, now, LONG_SILENCE_DAYS],
    );
    const items = rows.map((row): AttentionItem => {
      const dueAt = row.due_at ? new Date(row.due_at) : null;
      return {
        applicationId: row.application_id,
        applicationVersion: row.version,
        candidateName: row.candidate_name,
        jobTitle: row.job_title,
        clientName: row.client_name,
        reason: row.reason,
        detail: this.detail(row, now, readerZone),
        dueAt: dueAt?.toISOString() ?? null,
        overdue: dueAt !== null && dueAt.getTime() < now.getTime(),
      };
    });
    items.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        PRIORITY[a.reason] - PRIORITY[b.reason] ||
        (Date.parse(a.dueAt ?? '') || Infinity) - (Date.parse(b.dueAt ?? '') || Infinity),
    );
    return onePerApplication(items);
  }

  private detail(row: AttentionRow, now: Date, readerZone: string | null): string {
    const format = (at: Date) => formatTimeFor(at, readerZone, this.config.calendar.timeZone);
    switch (row.reason) {
      case 'update_requested':
        return `Asked for an update: "${row.text}". Answer by ${row.due_at ? format(new Date(row.due_at)) : 'soon'}.`;
      case 'other_offer':
        return `Has another offer: "${row.text}"${row.due_at ? `; must answer it by ${format(new Date(row.due_at))}` : ''}.`;
      case 'decision_date':
        return `Will move on after ${row.due_at ? format(new Date(row.due_at)) : 'a date they set'}.`;
      case 'silent':
        return `Has heard nothing for ${daysSilent(new Date(row.last_heard_at), now)} days: send them an update.`;
    }
  }
}

/**
 * One card per application, not one per signal: its most urgent signal places it (the list is
 * sorted already) and its other signals are added to the words, most urgent first.
 */
function onePerApplication(sorted: readonly AttentionItem[]): AttentionItem[] {
  const cards = new Map<string, AttentionItem>();
  for (const item of sorted) {
    const card = cards.get(item.applicationId);
    if (card) {
      card.detail = `${card.detail} ${item.detail}`;
    } else {
      cards.set(item.applicationId, { ...item });
    }
  }
  return [...cards.values()];
}
