import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { HealthReport } from './health-report';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 while this instance can serve (`ok` or `degraded`); 503 when it cannot (`down`, `draining`). */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status === 'down' || report.status === 'draining') response.code(503);
    response.header('Cache-Control', 'no-store');
    return report;
  }
}
