import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ClientMonthlyScore,
  ErrorCode,
  SATISFACTION_MIN_RESPONSES,
  SCORE_MAX_GROUPS,
  SCORE_MAX_PERIOD_DAYS,
  ScoreGrouping,
  ScoreReport,
  ScoreRow,
  UserRole,
} from '@heardback/contracts';
import { DomainError, fieldError } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { FigureRows, distributionOf, figuresByKey, mondaysBetween, overallFigures, weeksOf } from './score-figures';
import {
  ScorePeriod,
  ScoreScope,
  SqlParams,
  promisesSql,
  promisesTrendSql,
  rejectionsSql,
  satisfactionSql,
  silenceSql,
  timeToFeedbackDistributionSql,
  timeToFeedbackSql,
  timeToFeedbackTrendSql,
} from './score-sql';
import { groupNames } from './score-names';

/** Who is asking: staff see everyone's figures, a recruiter only their own work. */
export interface ScoreViewer {
  id: string;
  role: UserRole;
}

const MS_PER_DAY = 86_400_000;

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

  async report(from: string, to: string, by: ScoreGrouping, viewer: ScoreViewer): Promise<ScoreReport> {
    checkPeriod(from, to);
    const ownWorkOnly = viewer.role !== UserRole.Staff;
    const scope: ScoreScope = ownWorkOnly ? { recruiterId: viewer.id } : {};
    const withholdBelow = ownWorkOnly ? SATISFACTION_MIN_RESPONSES : null;
    const period = await this.period(from, to);
    const [groups, overall, trend, distribution] = await Promise.all([
      this.figureRows(by, scope, period),
      this.figureRows(null, scope, period),
      this.trend(from, to, scope, period),
      this.distribution(scope, period),
    ]);
    const figures = figuresByKey(groups, period.now, withholdBelow);
    const names = await groupNames(this.dataSource, by, [...figures.keys()]);
    const rows: ScoreRow[] = [...figures.entries()]
      .map(([id, figure]) => ({ id, ...(names.get(id) ?? { name: 'Unknown', detail: null }), ...figure }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
    return {
      from,
      to,
      by,
      at: period.now.toISOString(),
      ownWorkOnly,
      satisfactionMinResponses: SATISFACTION_MIN_RESPONSES,
      overall: overallFigures(overall, period.now, withholdBelow),
      rows: rows.slice(0, SCORE_MAX_GROUPS),
      truncated: rows.length > SCORE_MAX_GROUPS,
      trend,
      distribution,
    };
  }

  /** One client's calendar month, per interviewer and per job, for the printable report (staff). */
  async clientMonth(clientId: string, month: string): Promise<ClientMonthlyScore> {
    const [client]: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM clients WHERE id = $1`,
      [clientId],
    );
    if (!client) throw new DomainError(ErrorCode.NotFound, 'No client has this id.');
    const [year, monthNumber] = month.split('-').map(Number);
    const from = `${month}-01`;
    const to = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
    const scope: ScoreScope = { clientId };
    const period = await this.period(from, to);
    const [overall, interviewers, jobs, trend, distribution] = await Promise.all([
      this.figureRows(null, scope, period),
      this.figureRows(ScoreGrouping.Interviewer, scope, period),
      this.figureRows(ScoreGrouping.Job, scope, period),
      this.trend(from, to, scope, period),
      this.distribution(scope, period),
    ]);
    const named = async (by: ScoreGrouping, rows: FigureRows): Promise<ScoreRow[]> => {
      const figures = figuresByKey(rows, period.now, null);
      const names = await groupNames(this.dataSource, by, [...figures.keys()]);
      return [...figures.entries()]
        .map(([id, figure]) => ({ id, ...(names.get(id) ?? { name: 'Unknown', detail: null }), ...figure }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id))
        .slice(0, SCORE_MAX_GROUPS);
    };
    return {
      client,
      month,
      from,
      to,
      at: period.now.toISOString(),
      overall: overallFigures(overall, period.now, null),
      interviewers: await named(ScoreGrouping.Interviewer, interviewers),
      jobs: await named(ScoreGrouping.Job, jobs),
      trend,
      distribution,
    };
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

  private async figureRows(by: ScoreGrouping | null, scope: ScoreScope, period: ScorePeriod): Promise<FigureRows> {
    const run = <T>(write: (params: SqlParams) => string): Promise<T[]> => {
      const params = new SqlParams();
      const sql = write(params);
      return this.dataSource.query(sql, params.values);
    };
    const [timeToFeedback, promises, silence, rejections, satisfaction] = await Promise.all([
      run<FigureRows['timeToFeedback'][number]>((p) => timeToFeedbackSql(by, scope, period, p)),
      run<FigureRows['promises'][number]>((p) => promisesSql(by, scope, period, p)),
      run<FigureRows['silence'][number]>((p) => silenceSql(by, scope, p)),
      run<FigureRows['rejections'][number]>((p) => rejectionsSql(by, scope, period, p)),
      run<FigureRows['satisfaction'][number]>((p) => satisfactionSql(by, scope, period, p)),
    ]);
    return { timeToFeedback, promises, silence, rejections, satisfaction };
  }

  private async trend(from: string, to: string, scope: ScoreScope, period: ScorePeriod) {
    const feedbackParams = new SqlParams();
    const feedbackSql = timeToFeedbackTrendSql(scope, period, feedbackParams);
    const promiseParams = new SqlParams();
    const promiseSql = promisesTrendSql(scope, period, promiseParams);
    const [feedback, promises] = await Promise.all([
      this.dataSource.query(feedbackSql, feedbackParams.values),
      this.dataSource.query(promiseSql, promiseParams.values),
    ]);
    return weeksOf(mondaysBetween(from, to), feedback, promises);
  }

  private async distribution(scope: ScoreScope, period: ScorePeriod) {
    const params = new SqlParams();
    const sql = timeToFeedbackDistributionSql(scope, period, params);
    const [row] = await this.dataSource.query(sql, params.values);
    return distributionOf(row);
  }
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
