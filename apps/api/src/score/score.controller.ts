import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClientMonthlyScore, ScoreReport, ScoreTable, UserRole } from '@heardback/contracts';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { UserEntity } from '../users/user.entity';
import { ClientMonthQueryDto, ScoreCsvQueryDto, ScoreQueryDto } from './dto/score-query.dto';
import { scoreCsv, scoreCsvFileName } from './score-csv';
import { ScoreService } from './score.service';

/** The Heardback score: staff see everyone's figures, a recruiter their own work (ADR 0033). */
@ApiTags('agency')
@Controller('agency/score')
export class ScoreController {
  constructor(private readonly score: ScoreService) {}

  @Get()
  @Roles(UserRole.Staff, UserRole.Recruiter)
  @Header('Cache-Control', 'no-store')
  report(@Query() query: ScoreQueryDto, @CurrentUser() user: UserEntity): Promise<ScoreReport> {
    return this.score.report(query.from, query.to, query.by, user);
  }

  /** One client's month for the printable report. */
  @Get('clients/:id/monthly')
  @Roles(UserRole.Staff)
  @Header('Cache-Control', 'no-store')
  clientMonth(
    @Param('id', notFoundOnBadId) id: string,
    @Query() query: ClientMonthQueryDto,
  ): Promise<ClientMonthlyScore> {
    return this.score.clientMonth(id, query.month);
  }
}

/** `GET /api/agency/score.csv`: the same figures as a spreadsheet, one table per request. */
@ApiTags('agency')
@Controller('agency')
export class ScoreCsvController {
  constructor(private readonly score: ScoreService) {}

  @Get('score.csv')
  @Roles(UserRole.Staff, UserRole.Recruiter)
  async csv(
    @Query() query: ScoreCsvQueryDto,
    @CurrentUser() user: UserEntity,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const report = await this.score.report(query.from, query.to, query.by, user);
    const table = query.table ?? ScoreTable.Groups;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${scoreCsvFileName(report, table)}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return scoreCsv(report, table);
  }
}
