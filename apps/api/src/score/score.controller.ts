import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClientMonthlyScore, ScoreGroupsPage, ScoreReport, ScoreTable, UserRole } from '@heardback/contracts';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { takeOver } from '../app/raw-response';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { RateLimited } from '../throttling/rate-limited.guard';
import { UserEntity } from '../users/user.entity';
import { ClientMonthQueryDto, ScoreCsvQueryDto, ScoreGroupsQueryDto, ScoreQueryDto } from './dto/score-query.dto';
import { groupsCsvHead, groupsCsvLines, scoreCsv, scoreCsvFileName } from './score-csv';
import { ScoreService } from './score.service';

/**
 * The Heardback score: staff see everyone's figures, a recruiter their own work (ADR 0033). Every
 * read counts against the 'scoreRead' budget, per account and per address (ADR 0047).
 */
@ApiTags('agency')
@Controller('agency/score')
export class ScoreController {
  constructor(private readonly score: ScoreService) {}

  @Get()
  @Roles(UserRole.Staff, UserRole.Recruiter)
  @RateLimited('scoreRead')
  @Header('Cache-Control', 'no-store')
  report(@Query() query: ScoreQueryDto, @CurrentUser() user: UserEntity): Promise<ScoreReport> {
    return this.score.report(query.from, query.to, query.by ?? null, user);
  }

  /** One grouping's table, sorted and paged by cursor (ADR 0045); with `client`, that client's groups only. */
  @Get('groups')
  @Roles(UserRole.Staff, UserRole.Recruiter)
  @RateLimited('scoreRead')
  @Header('Cache-Control', 'no-store')
  groups(@Query() query: ScoreGroupsQueryDto, @CurrentUser() user: UserEntity): Promise<ScoreGroupsPage> {
    return this.score.groups(query, user);
  }

  /** One client's month for the printable report, its tables in the order asked for. */
  @Get('clients/:id/monthly')
  @Roles(UserRole.Staff)
  @RateLimited('scoreRead')
  @Header('Cache-Control', 'no-store')
  clientMonth(
    @Param('id', notFoundOnBadId) id: string,
    @Query() query: ClientMonthQueryDto,
  ): Promise<ClientMonthlyScore> {
    return this.score.clientMonth(id, query);
  }
}

/**
 * `GET /api/agency/score.csv`: the same figures as a spreadsheet, one table per request. The group
 * table holds every group: it is written as the database hands it over, a batch at a time, waiting
 * for the client to read each (ADR 0045). Nothing is sent before the first batch is in hand: the
 * first FETCH computes every group (the sort), so a table past SCORE_TIMEOUT_MS is a 503 that says
 * what to do, never a download that breaks off after its head (ADR 0047).
 */
@ApiTags('agency')
@Controller('agency')
export class ScoreCsvController {
  constructor(private readonly score: ScoreService) {}

  @Get('score.csv')
  @Roles(UserRole.Staff, UserRole.Recruiter)
  @RateLimited('scoreRead')
  async csv(
    @Query() query: ScoreCsvQueryDto,
    @CurrentUser() user: UserEntity,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const table = query.table ?? ScoreTable.Groups;
    // The figures and the trend only: the groups follow from a cursor.
    const report = { ...(await this.score.report(query.from, query.to, null, user)), by: query.by };
    // Set once there is something to send: an error answered instead is JSON, not a file to save.
    const fileHeaders = {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${scoreCsvFileName(report, table)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (table !== ScoreTable.Groups) {
      await reply.headers(fileHeaders).send(scoreCsv(report, table));
      return;
    }
    const file: { response: ServerResponse | null } = { response: null };
    const head = async (): Promise<ServerResponse> => {
      if (file.response) return file.response;
      // The request's deadline answered meanwhile (request-gate.ts): there is no file to start.
      if (reply.sent) throw new Error('The request was answered at its deadline.');
      file.response = takeOver(reply.headers(fileHeaders));
      await written(file.response, groupsCsvHead(report));
      return file.response;
    };
    try {
      await this.score.eachGroup(query, user, async (rows) => {
        await written(await head(), groupsCsvLines(query.by, rows));
      });
      (await head()).end();
    } catch (failure) {
      // Half a file is worse than none: a broken download says it failed, rather than ending short.
      if (file.response) return void file.response.destroy(failure instanceof Error ? failure : undefined);
      // Nothing of ours was sent: the client has gone, or the deadline answered; no one to tell.
      if (reply.raw.destroyed || reply.sent) return;
      throw failure;
    }
  }
}

/** Writes a chunk; when the socket's buffer is full, waits until the client has read it (or has gone). */
function written(response: ServerResponse, chunk: string): Promise<void> {
  if (response.destroyed) return Promise.reject(new Error('The client closed the connection.'));
  if (chunk === '' || response.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const drained = () => {
      response.off('close', closed);
      resolve();
    };
    const closed = () => {
      response.off('drain', drained);
      reject(new Error('The client closed the connection.'));
    };
    response.once('drain', drained);
    response.once('close', closed);
  });
}
