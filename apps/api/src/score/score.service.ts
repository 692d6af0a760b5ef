import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ClientMonthQuery,
  ClientMonthlyScore,
  ErrorCode,
  SATISFACTION_MIN_RESPONSES,
  SCORE_GROUPS_DEFAULT_LIMIT,
  SCORE_MAX_GROUPS,
  SCORE_MAX_PERIOD_DAYS,
  SCORE_TOO_BROAD_MESSAGE,
  ScoreCsvQuery,
  ScoreGroupSort,
  ScoreGrouping,
  ScoreGroupsPage,
  ScoreGroupsQuery,
  ScoreReport,
  ScoreRow,
  SortDirection,
  UserRole,
} from '@heardback/contracts';
import { DomainError, calendarDateIn, fieldError, reportedMonthEnd, satisfactionWithholding } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { TimedStatements, withStatementTimeout } from '../database/statement-timeout';
import {
  FigureRows,
  PromiseRow,
  RejectionRow,
  SatisfactionRow,
  SilenceRow,
  TimeToFeedbackRow,
  distributionOf,
  figuresByKey,
  mondaysBetween,
  overallFigures,
  weeksOf,
} from './score-figures';
import {
  ScorePeriod,
  ScoreScope,
  SqlParams,
  promisesSql,
  rejectionsSql,
  satisfactionSql,
  silenceSql,
  timeToFeedbackSql,
} from './score-sql';
import { CachedFigure, cachedRows } from './score-cache';
import { groupNames } from './score-names';
import { decodeGroupsCursor, encodeGroupsCursor, groupsRowToScoreRow } from './score-groups';
import { GroupsOrder, GroupsRow, scoreGroupsSql } from './score-groups-sql';

/** Who is asking: staff see everyone's figures, a recruiter only their own work. */
export interface ScoreViewer {
  id: string;
  role: UserRole;
}

const MS_PER_DAY = 86_400_000;

/** How many groups the CSV reads from its database cursor at a time: its memory, whatever the count. */
const CSV_FETCH = 500;

/** A row of a statement that returns groups, weeks and the whole at once. */
type LevelRow<T> = T & { level: 'group' | 'week' | 'overall'; week: string | null };

/**
 * The Heardback score (ADR 0033): each figure is one statement over an indexed range, run for the
 * groups and again for the whole, then put together with the groups' names.
 */
@Injectable()
export class ScoreService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The figures and the trend; with `by`, also that grouping's first SCORE_MAX_GROUPS rows by name. */
  async report(from: string, to: string, by: ScoreGrouping | null, viewer: ScoreViewer): Promise<ScoreReport> {
    checkPeriod(from, to);
    const { ownWorkOnly, scope, withholdBelow, groupsWithholdBelow } = viewing(viewer);
    const period = await this.period(from, to);
    const computed = await this.compute(by, scope, period);
    const rows = by ? await this.named(by, computed.groups, period.now, groupsWithholdBelow) : [];
    return {
      from,
      to,
      by,
      at: period.now.toISOString(),
      ownWorkOnly,
      satisfactionMinResponses: SATISFACTION_MIN_RESPONSES,
      overall: overallFigures(computed.overall, period.now, withholdBelow),
      rows: rows.slice(0, SCORE_MAX_GROUPS),
      truncated: rows.length > SCORE_MAX_GROUPS,
      trend: weeksOf(mondaysBetween(from, to), computed.feedbackWeeks, computed.promiseWeeks),
      distribution: distributionOf(computed.distribution),
    };
  }

  /**
   * One grouping's table, a page at a time, sorted in PostgreSQL by the chosen figure (ADR 0045): a
   * page is at most `limit` rows whatever the number of groups, and `total` counts them all.
   */
  async groups(query: ScoreGroupsQuery, viewer: ScoreViewer): Promise<ScoreGroupsPage> {
    checkPeriod(query.from, query.to);
    const { scope, groupsWithholdBelow } = viewing(viewer);
    const period = await this.period(query.from, query.to);
    // One client's tables are its monthly report's, which goes to the client: withheld as in the report.
    const withholdBelow = query.client ? CLIENT_REPORT.groups : groupsWithholdBelow;
    return this.groupsPage(query, query.client ? { ...scope, clientId: query.client } : scope, withholdBelow, period);
  }

  private async groupsPage(
    query: Omit<ScoreGroupsQuery, 'from' | 'to' | 'client'>,
    scope: ScoreScope,
    withholdBelow: number | null,
    period: ScorePeriod,
  ): Promise<ScoreGroupsPage> {
    const grouping = query.grouping;
    const order: GroupsOrder = {
      sort: query.sort ?? ScoreGroupSort.Name,
      direction: query.direction ?? SortDirection.Asc,
      withholdBelow,
    };
    // A uuid's text in lower case, as PostgreSQL writes it: the report's URL may have it in upper case.
    const client = scope.clientId?.toLowerCase() ?? null;
    const table = { grouping, sort: order.sort, direction: order.direction, client };
    const after = query.cursor ? decodeGroupsCursor(query.cursor, table) : null;
    const limit = query.limit ?? SCORE_GROUPS_DEFAULT_LIMIT;
    const rows = await this.read<GroupsRow>((p) => scoreGroupsSql(grouping, scope, period, order, { after, limit }, p));
    const found = rows.filter((row) => row.id !== null);
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return {
      grouping,
      sort: order.sort,
      direction: order.direction,
      items: items.map((row) => groupsRowToScoreRow(row, period.now, withholdBelow)),
      nextCursor:
        found.length > limit && last
          ? encodeGroupsCursor({
              ...table,
              isNull: last.sort_null,
              value: last.sort_text,
              name: last.tie_name,
              detail: last.tie_detail,
              id: last.id,
            })
          : null,
      total: rows[0]?.total ?? 0,
    };
  }

  /**
   * Every group of a grouping in the table's order (by name unless asked), CSV_FETCH at a time from a
   * database cursor, each batch handed to `write` (which may wait for the client to read): the export
   * holds every group in bounded memory, in the order the pages show them.
   */
  async eachGroup(
    query: Pick<ScoreCsvQuery, 'from' | 'to' | 'by' | 'sort' | 'direction'>,
    viewer: ScoreViewer,
    write: (rows: ScoreRow[]) => Promise<void>,
  ): Promise<void> {
    const { from, to, by: grouping } = query;
    checkPeriod(from, to);
    const { scope, groupsWithholdBelow: withholdBelow } = viewing(viewer);
    const period = await this.period(from, to);
    const order: GroupsOrder = {
      sort: query.sort ?? ScoreGroupSort.Name,
      direction: query.direction ?? SortDirection.Asc,
      withholdBelow,
    };
    const params = new SqlParams();
    const sql = scoreGroupsSql(grouping, scope, period, order, { after: null, limit: null }, params);
    // Each FETCH has SCORE_TIMEOUT_MS; the first computes every group before it hands over any, and
    // the CSV sends nothing before it, so a table too broad to compute is a 503, not half a file.
    await this.limited(
      async (manager) => {
        await manager.query('SET LOCAL jit = off');
        await manager.query(`DECLARE score_groups NO SCROLL CURSOR FOR ${sql}`, params.values);
        for (;;) {
          const batch: GroupsRow[] = await manager.query(`FETCH ${CSV_FETCH} FROM score_groups`);
          const rows = batch.filter((row) => row.id !== null);
          if (rows.length > 0) await write(rows.map((row) => groupsRowToScoreRow(row, period.now, withholdBelow)));
          if (batch.length < CSV_FETCH) return;
        }
      },
      { replica: true },
    );
  }

  /**
   * One client's calendar month for the printable report (staff): the figures, and the first page of
   * its interviewers and of its jobs in the order asked for (by name unless asked); the portal reads
   * the next pages from `groups` with the client's id and the page's order (ADR 0047).
   */
  async clientMonth(clientId: string, query: ClientMonthQuery): Promise<ClientMonthlyScore> {
    const { month } = query;
    const [client]: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM clients WHERE id = $1`,
      [clientId],
    );
    if (!client) throw new DomainError(ErrorCode.NotFound, 'No client has this id.');
    const [year, monthNumber] = month.split('-').map(Number);
    const from = `${month}-01`;
    const to = reportedMonthEnd(
      month,
      new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10),
      calendarDateIn(this.clock.now(), this.config.calendar.timeZone),
    );
    const scope: ScoreScope = { clientId };
    const period = await this.period(from, to);
    const firstPage = (grouping: ScoreGrouping, sort?: ScoreGroupSort, direction?: SortDirection) =>
      this.groupsPage({ grouping, sort, direction }, scope, CLIENT_REPORT.groups, period);
    const [whole, interviewers, jobs] = await Promise.all([
      this.compute(null, scope, period),
      firstPage(ScoreGrouping.Interviewer, query.interviewerSort, query.interviewerDirection),
      firstPage(ScoreGrouping.Job, query.jobSort, query.jobDirection),
    ]);
    return {
      client,
      month,
      from,
      to,
      at: period.now.toISOString(),
      overall: overallFigures(whole.overall, period.now, CLIENT_REPORT.overall),
      interviewers,
      jobs,
      trend: weeksOf(mondaysBetween(from, to), whole.feedbackWeeks, whole.promiseWeeks),
      distribution: distributionOf(whole.distribution),
    };
  }

  /**
   * Every figure of a period: time to feedback and promises in one statement each (groups, weeks and
   * the whole through GROUPING SETS); the application-wide figures per group and overall apart,
   * since an application can belong to two client interviewers.
   */
  private async compute(by: ScoreGrouping | null, scope: ScoreScope, period: ScorePeriod) {
    // These two statements need a grouping to select a key; without a table the recruiters' (few)
    // groups are computed and left out.
    const levelsBy = by ?? ScoreGrouping.Recruiter;
    const [feedback, promises, groupFacts, overallFacts] = await Promise.all([
      this.cached<LevelRow<TimeToFeedbackRow> & Record<string, number>>('feedback', period, (p, at) =>
        timeToFeedbackSql(levelsBy, scope, at, p),
      ),
      this.cached<LevelRow<PromiseRow>>('promise', period, (p, at) => promisesSql(levelsBy, scope, at, p)),
      by ? this.applicationFacts(by, scope, period) : { silence: [], rejections: [], satisfaction: [] },
      this.applicationFacts(null, scope, period),
    ]);
    const at = <T extends { level: string }>(rows: T[], level: string) => rows.filter((row) => row.level === level);
    const groups: FigureRows = {
      timeToFeedback: by ? at(feedback, 'group') : [],
      promises: by ? at(promises, 'group') : [],
      ...groupFacts,
    };
    const overall: FigureRows = {
      timeToFeedback: at(feedback, 'overall'),
      promises: at(promises, 'overall'),
      ...overallFacts,
    };
    return {
      groups,
      overall,
      feedbackWeeks: at(feedback, 'week') as { week: string; count: number; median: number | string | null }[],
      promiseWeeks: at(promises, 'week').map((row) => ({
        week: row.week ?? '',
        due: row.kept + row.redated + row.broken,
        kept: row.kept,
      })),
      distribution: at(feedback, 'overall')[0],
    };
  }

  private async applicationFacts(by: ScoreGrouping | null, scope: ScoreScope, period: ScorePeriod) {
    const [silence, rejections, satisfaction] = await Promise.all([
      this.read<SilenceRow>((p) => silenceSql(by, scope, p)),
      this.read<RejectionRow>((p) => rejectionsSql(by, scope, period, p)),
      this.read<SatisfactionRow>((p) => satisfactionSql(by, scope, period, p)),
    ]);
    return { silence, rejections, satisfaction };
  }

  private async named(
    by: ScoreGrouping,
    rows: FigureRows,
    now: Date,
    withholdBelow: number | null,
  ): Promise<ScoreRow[]> {
    const figures = figuresByKey(rows, now, withholdBelow);
    const names = await groupNames(this.dataSource, by, [...figures.keys()]);
    return [...figures.entries()]
      .map(([id, figure]) => ({ id, ...(names.get(id) ?? { name: 'Unknown', detail: null }), ...figure }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
  }

  /** A statement whose rows a closed period keeps until a fact in it changes (ADR 0044, score-cache.ts). */
  private cached<T>(figure: CachedFigure, period: ScorePeriod, write: (params: SqlParams, at: ScorePeriod) => string) {
    return cachedRows<T>(this.dataSource, figure, period, write, (sql, values, where) =>
      this.statement<T>(sql, values, where),
    );
  }

  /** One statement on a replica when there is one (ADR 0035): see `statement`. */
  private read<T>(write: (params: SqlParams) => string): Promise<T[]> {
    const params = new SqlParams();
    return this.statement<T>(write(params), params.values, { replica: true });
  }

  /**
   * One statement in a transaction of its own with JIT off: compiling these one-off aggregates took
   * longer than running them (ADR 0033's plans). With `replica`, on a streaming replica when there
   * is one (ADR 0035): the score sums weeks of history, and a feedback recorded a moment ago may
   * count a moment later.
   */
  private statement<T>(sql: string, values: unknown[], { replica }: { replica: boolean }): Promise<T[]> {
    return this.limited(
      async (manager) => {
        await manager.query('SET LOCAL jit = off');
        return manager.query(sql, values) as Promise<T[]>;
      },
      { replica },
    );
  }

  /**
   * Score work under its own statement_timeout (SCORE_TIMEOUT_MS, ADR 0047): a statement past it is
   * cancelled by PostgreSQL and answered 503 SCORE_TOO_BROAD, asking for a shorter period or one
   * client, before the API's request deadline answers a 503 that says nothing of what to do.
   */
  private limited<T>(work: (manager: TimedStatements) => Promise<T>, options: { replica: boolean }): Promise<T> {
    return withStatementTimeout(
      this.dataSource,
      this.config.resilience.database.scoreTimeoutMs,
      () => new DomainError(ErrorCode.ScoreTooBroad, SCORE_TOO_BROAD_MESSAGE),
      work,
      options,
    );
  }

  /** The period's first and last instants: the agency's midnights before `from` and after `to`. */
  private async period(from: string, to: string): Promise<ScorePeriod> {
    const { calendar } = this.config;
    const [bounds]: { from_at: Date; to_at: Date }[] = await this.dataSource.query(
      `SELECT ($1::date)::timestamp AT TIME ZONE $3 AS from_at, ($2::date + 1)::timestamp AT TIME ZONE $3 AS to_at`,
      [from, to, calendar.timeZone],
    );
    return {
      fromAt: bounds.from_at,
      toAt: bounds.to_at,
      now: this.clock.now(),
      timeZone: calendar.timeZone,
      dayStartsAt: calendar.dayStartsAt,
      dayEndsAt: calendar.dayEndsAt,
      workingDays: calendar.workingDays,
      holidays: calendar.holidays,
    };
  }
}

/** A client's monthly report, which goes to the client (ADR 0061). */
const CLIENT_REPORT = satisfactionWithholding('client-report');

/** Staff see everyone's figures; a recruiter their own work, satisfaction as ADR 0061 holds it. */
function viewing(viewer: ScoreViewer): {
  ownWorkOnly: boolean;
  scope: ScoreScope;
  withholdBelow: number | null;
  groupsWithholdBelow: number | null;
} {
  const ownWorkOnly = viewer.role !== UserRole.Staff;
  const withholding = satisfactionWithholding(ownWorkOnly ? 'recruiter' : 'staff');
  return {
    ownWorkOnly,
    scope: ownWorkOnly ? { recruiterId: viewer.id } : {},
    withholdBelow: withholding.overall,
    groupsWithholdBelow: withholding.groups,
  };
}

/** A period is two real days, in order, at most SCORE_MAX_PERIOD_DAYS long (both included). */
export function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY + 1;
  if (days < 1) throw fieldError('to', 'must not be before from');
  if (days > SCORE_MAX_PERIOD_DAYS) {
    throw fieldError(
      'to',
      `must be at most ${SCORE_MAX_PERIOD_DAYS} days after from (both included): choose a shorter period`,
    );
  }
}
