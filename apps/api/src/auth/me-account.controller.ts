import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SessionView } from '@heardback/contracts';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { UserEntity } from '../users/user.entity';
import { AuthenticatedRequest, CurrentUser } from './access.decorators';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/account.dto';
import { SessionService } from './session.service';
import { clientAddress } from '../throttling/client-address';
import { RateLimited } from '../throttling/rate-limited.guard';

/** What anyone signed in may do to their own account. */
@ApiTags('me')
@Controller('me')
export class MeAccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('password')
  @HttpCode(204)
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: UserEntity,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    await this.auth.changePassword(
      user,
      request.sessionId ?? null,
      { current: body.currentPassword, next: body.newPassword },
      clientAddress(request),
    );
  }

  @RateLimited('mailing')
  @Post('email-verification')
  @HttpCode(202)
  async resendVerification(@CurrentUser() user: UserEntity): Promise<void> {
    await this.auth.resendVerification(user);
  }

  @Get('sessions')
  listSessions(@CurrentUser() user: UserEntity, @Req() request: AuthenticatedRequest): Promise<SessionView[]> {
    return this.sessions.list(user, request.sessionId ?? null);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async revokeSession(@Param('id', notFoundOnBadId) id: string, @CurrentUser() user: UserEntity): Promise<void> {
    await this.sessions.revoke(user.id, id);
  }
}
