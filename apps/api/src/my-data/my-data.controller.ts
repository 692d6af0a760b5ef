import { Body, Controller, Delete, Get, HttpCode, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EXPORT_ARCHIVE_NAME, UserRole } from '@heardback/contracts';
import type { FastifyReply } from 'fastify';
import { takeOver } from '../app/raw-response';
import { AuthenticatedRequest, CurrentUser, Roles } from '../auth/access.decorators';
import { AuthService } from '../auth/auth.service';
import { SessionCookie } from '../auth/session-cookie';
import { logSecurityEvent } from '../auth/security-events';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { clientAddress } from '../throttling/client-address';
import { RateLimited } from '../throttling/rate-limited.guard';
import { UserEntity } from '../users/user.entity';
import { AccountErasureService } from './account-erasure.service';
import { DataExportService } from './data-export.service';
import { EraseAccountDto } from './dto/data-rights.dto';
import { writeExportArchive } from './export-archive';

/** The candidate's rights over their own data (ADR 0019): take a copy, or leave for good. */
@ApiTags('me')
@Roles(UserRole.Candidate)
@Controller('me')
export class MyDataController {
  private readonly cookie: SessionCookie;
  private readonly logger = new Logger('DataExport');

  constructor(
    private readonly exports: DataExportService,
    private readonly erasure: AccountErasureService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new SessionCookie(config);
  }

  /** A zip: heardback-export.json and a documents/ folder, streamed as it is written. */
  @RateLimited('dataExport')
  @Get('export')
  async export(@CurrentUser() user: UserEntity, @Res() reply: FastifyReply): Promise<void> {
    const prepared = await this.exports.prepare(user.id);
    logSecurityEvent({ event: 'data_exported', userId: user.id });
    const response = takeOver(
      reply.headers({
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${EXPORT_ARCHIVE_NAME}"`,
        'Cache-Control': 'no-store',
      }),
    );
    try {
      await writeExportArchive(response, prepared.json, prepared.documents);
    } catch (error) {
      // The headers are gone: a cut connection tells the browser the download failed, where an error body could not.
      response.destroy();
      this.logger.error(
        `Export for ${user.id} failed while streaming: ${error instanceof Error ? error.message : 'unknown'}`,
      );
    }
  }

  /** Erases the account after the password is typed again; the browser is signed out with it. */
  @RateLimited('mailing')
  @Delete()
  @HttpCode(204)
  async erase(
    @Body() body: EraseAccountDto,
    @CurrentUser() user: UserEntity,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.auth.confirmPassword(user, body.password, clientAddress(request));
    await this.erasure.eraseAccount(user.id);
    logSecurityEvent({ event: 'account_erased', userId: user.id });
    this.cookie.clear(response);
  }
}
