import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  SATISFACTION_MIN_RESPONSES,
  SATISFACTION_WORDS_PAGE_MAX,
  SatisfactionWordsPage,
  UserRole,
} from '@heardback/contracts';
import { DomainError, calendarDateIn, fieldError } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { UserEntity } from '../users/user.entity';
import { SatisfactionWordsQueryDto } from './dto/satisfaction.dto';

const DEFAULT_PERIOD_DAYS = 90;
const DAY_MS = 86_400_000;
const SCOPE_FIELDS = ['recruiterId', 'clientId', 'jobId'] as const;

/**
 * The latest words candidates wrote, for recruiters and staff, without anything that names who
 * wrote them: no name, no application, the day and not the time. Below SATISFACTION_MIN_RESPONSES
 * answers in the scope nothing is shown, not even how many answered. The page cursor is a position,
 * not a row's key, because a row's key here is an application id.
 *
 * A recruiter reads their own applications only, all together: narrowed to one job or client, or to a
 * window of milliseconds, the answers shown and withheld could be compared until one candidate's
 * stood alone. So periods are whole days in the agency's zone, the days the score's periods are
 * made of (two kinds of day together would cut a day into hours), and within a day the words come
 * in the order of what they say: nothing about when each was written or whose application it is
 * (a recruiter knows their applications' ids, so an order by id, hashed or not, would name them).
 */
@Injectable()
export class SatisfactionWordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async latest(query: SatisfactionWordsQueryDto, reader: UserEntity): Promise<SatisfactionWordsPage> {
    const narrowedBy = SCOPE_FIELDS.filter((field) => query[field] !== undefined);
    if (narrowedBy.length > 1) {
      throw fieldError(narrowedBy[1], `choose one of recruiter, client or job, not ${narrowedBy.join(' and ')}`);
    }
    // An id is the same id in any case (PostgreSQL reads uuids so); its owner's own id, written in capitals, is theirs.
    if (
      reader.role === UserRole.Recruiter &&
      query.recruiterId !== undefined &&
      query.recruiterId.toLowerCase() !== reader.id.toLowerCase()
    ) {
      throw new DomainError(ErrorCode.Forbidden, "A recruiter reads candidates' words on their own applications only.");
    }
    if (reader.role === UserRole.Recruiter) {
      const narrowed = narrowedBy.find((field) => field !== 'recruiterId');
      if (narrowed) {
        throw new DomainError(
          ErrorCode.Forbidden,
          "A recruiter reads candidates' words on all their applications together, not by job or client: with so few, one answer could be told from the others.",
          [{ field: narrowed, reasons: ['a recruiter cannot narrow candidates’ words by job or client'] }],
        );
      }
    }
    const recruiterId = reader.role === UserRole.Recruiter ? reader.id : (query.recruiterId ?? null);
    const zone = this.config.calendar.timeZone;
    const toAt = query.to ? new Date(query.to) : this.clock.now();
    const fromAt = query.from ? new Date(query.from) : new Date(toAt.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (fromAt.getTime() >= toAt.getTime()) throw fieldError('from', 'must be before the end of the period');
    // The agency's days the period touches, both whole: `to` is an end, so its own instant is not in it.
    const firstDay = calendarDateIn(fromAt, zone);
    const lastDay = calendarDateIn(new Date(toAt.getTime() - 1), zone);
    const offset = query.cursor ? decodeOffset(query.cursor) : 0;
    const limit = query.limit ?? SATISFACTION_WORDS_PAGE_MAX;

    const scope = `
      FROM satisfaction_responses r
      JOIN applications a ON a.id = r.application_id
      JOIN jobs j ON j.id = a.job_id
     WHERE r.answered_at >= ($1::date)::timestamp AT TIME ZONE $6
       AND r.answered_at < ($2::date + 1)::timestamp AT TIME ZONE $6
       AND ($3::uuid IS NULL OR a.recruiter_id = $3)
       AND ($4::uuid IS NULL OR j.client_id = $4)
       AND ($5::uuid IS NULL OR a.job_id = $5)`;
    const parameters = [firstDay, lastDay, recruiterId, query.clientId ?? null, query.jobId ?? null, zone];
    const [counts] = await this.dataSource.query<{ responses: number; with_words: number }[]>(
      `SELECT count(*)::int AS responses, count(r.words)::int AS with_words ${scope}`,
      parameters,
    );
    const base = { minimumResponses: SATISFACTION_MIN_RESPONSES };
    if (counts.responses < SATISFACTION_MIN_RESPONSES) {
      return { ...base, responses: null, shown: false, items: [], total: 0, nextCursor: null };
    }
    const rows = await this.dataSource.query<
      { words: string; recommend_score: number | null; kept_informed: boolean | null; answered_on: string }[]
    >(
      `SELECT r.words, r.recommend_score, r.kept_informed, to_char(r.answered_at AT TIME ZONE $6, 'YYYY-MM-DD') AS answered_on
       ${scope} AND r.words IS NOT NULL
       ORDER BY (r.answered_at AT TIME ZONE $6)::date DESC, r.words, r.recommend_score, r.kept_informed,
                r.application_id
       OFFSET $7 LIMIT $8`,
      [...parameters, offset, limit + 1],
    );
    return {
      ...base,
      responses: counts.responses,
      shown: true,
      total: counts.with_words,
      items: rows.slice(0, limit).map((row) => ({
        words: row.words,
        recommendScore: row.recommend_score,
        keptInformed: row.kept_informed,
        answeredOn: row.answered_on,
      })),
      nextCursor: rows.length > limit ? encodeOffset(offset + limit) : null,
    };
  }
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeOffset(raw: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    const offset = (decoded as { offset?: unknown } | null)?.offset;
    if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw fieldError('cursor', 'is not a cursor this API gave out; start again without it');
}
