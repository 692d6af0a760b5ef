import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import {
  AGENCY_LIST_DEFAULT_LIMIT,
  AgencyListQuery,
  AttentionItem,
  AttentionPage,
  AttentionReason,
} from '@heardback/contracts';
import { LONG_SILENCE_DAYS, daysSilent } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RankedKeysetCursor, decodeRankedKeysetCursor, encodeRankedKeysetCursor } from '../database/keyset-cursor';
import { attentionQueries, SILENT_RANK } from './attention-queries';

interface SignalRow {
  application_id: string;
  version: number;
  candidate_name: string;
  job_title: string;
  client_name: string;
  reason: AttentionReason;
  rank: number;
  text: string | null;
  due_at: Date | null;
  last_heard_at: Date;
}

interface CardKeyRow {
  application_id: string;
  rank: number;
  sort_at: string;
}

/** Ranks run from 0 (an overdue other offer) to 7 (a request for an update not yet due). */
const MAX_RANK = 7;

/**
 * Applications that need words to the candidate, beside the feedback queue: requests for an
 * update, other offers, decision dates, and candidates who have heard nothing for a week. One card
 * per application, placed by its most urgent reason, a page at a time with a true count
 * (the SQL and why it stays fast at a million applications: attention-queries.ts).
 */
@Injectable()
export class AttentionListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Times in the details are written in the reader's zone (`readerZone`), else the agency's. */
  async list(query: AgencyListQuery, readerZone: string | null = null, now = this.clock.now()): Promise<AttentionPage> {
    const limit = query.limit ?? AGENCY_LIST_DEFAULT_LIMIT;
    const cursor: RankedKeysetCursor | null = query.cursor ? decodeRankedKeysetCursor(query.cursor, MAX_RANK) : null;
    const queries = attentionQueries(now, LONG_SILENCE_DAYS, cursor, limit);
    const [keys, [{ total }]] = await Promise.all([
      this.dataSource.query(queries.page.sql, queries.page.params) as Promise<CardKeyRow[]>,
      this.dataSource.query(queries.count.sql, queries.count.params) as Promise<{ total: number }[]>,
    ]);
    const shown = keys.slice(0, limit);
    const last = shown[shown.length - 1];
    const signals: SignalRow[] =
      shown.length === 0
        ? []
        : await this.dataSource.query(
            queries.signalsOf.sql,
            queries.signalsOf.params(shown.map((key) => key.application_id)),
          );
    return {
      items: shown.flatMap((key) => {
        const card = this.card(
          signals.filter((signal) => signal.application_id === key.application_id),
          now,
          readerZone,
        );
        return card ? [card] : [];
      }),
      nextCursor:
        keys.length > limit && last
          ? encodeRankedKeysetCursor({ rank: last.rank, at: last.sort_at, id: last.application_id })
          : null,
      total,
    };
  }

  /**
   * One card from an application's signals: the most urgent places it, the others are added to the
   * words, most urgent first. None left (answered since the page was chosen): no card.
   */
  private card(signals: SignalRow[], now: Date, readerZone: string | null): AttentionItem | null {
    const sorted = [...signals].sort(
      (a, b) => a.rank - b.rank || (a.due_at?.getTime() ?? Infinity) - (b.due_at?.getTime() ?? Infinity),
    );
    const first = sorted[0];
    if (!first) return null;
    const dueAt = first.due_at ? new Date(first.due_at) : null;
    return {
      applicationId: first.application_id,
      applicationVersion: first.version,
      candidateName: first.candidate_name,
      jobTitle: first.job_title,
      clientName: first.client_name,
      reason: first.reason,
      // The first signal's date is the card's `dueAt`, which the reader's page writes in their own way.
      detail: sorted.map((signal, index) => this.detail(signal, now, readerZone, index > 0)).join(' '),
      dueAt: dueAt?.toISOString() ?? null,
      overdue: first.rank <= SILENT_RANK,
    };
  }

  private detail(row: SignalRow, now: Date, readerZone: string | null, withDate: boolean): string {
    const due =
      withDate && row.due_at ? formatTimeFor(new Date(row.due_at), readerZone, this.config.calendar.timeZone) : null;
    switch (row.reason) {
      case 'update_requested':
        return `${saying('Asked for an update', row.text)}${due ? ` Answer by ${due}.` : ''}`;
      case 'other_offer':
        return due
          ? `Has another offer${row.text ? `: "${row.text}"` : ''}; must answer it by ${due}.`
          : saying('Has another offer', row.text);
      case 'decision_date':
        return `Will move on after ${due ?? 'the date they set'}.`;
      case 'silent':
        return `Has heard nothing for ${daysSilent(new Date(row.last_heard_at), now)} days: send them an update.`;
    }
  }
}

/**
 * What the candidate did, with their words in quotes when they gave any, as one sentence: it ends with
 * their own `.`, `!`, `?` or `…` when they end with one ("…stands?" rather than "…stands?".).
 */
function saying(what: string, text: string | null): string {
  if (!text) return `${what}.`;
  return /[.!?…]$/.test(text) ? `${what}: "${text}"` : `${what}: "${text}".`;
}
