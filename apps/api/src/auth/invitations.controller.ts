import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AgencyUserView, InvitationLinkView, UserRole, UserView } from '@heardback/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { CreateUserDto } from '../users/dto/create-user.dto';
import { UserEntity } from '../users/user.entity';
import { CurrentUser, Public, Roles } from './access.decorators';
import { PasswordResetConfirmDto, VerifyEmailDto } from './dto/account.dto';
import { InvitationsService } from './invitations.service';
import { requestOrigin } from './request-origin';
import { SessionCookie } from './session-cookie';
import { toUserView } from './user-view';

/** Staff invite recruiters and staff; the invited choose their own password from the emailed link (ADR 0082). */
@ApiTags('users')
@Controller()
export class InvitationsController {
  private readonly cookie: SessionCookie;

  constructor(
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new SessionCookie(config);
  }

  /** Staff invite recruiter and staff accounts; candidates register themselves. */
  @Roles(UserRole.Staff)
  @Post('users')
  invite(@Body() body: CreateUserDto, @CurrentUser() staff: UserEntity): Promise<AgencyUserView> {
    return this.invitations.invite(body, staff);
  }

  /** A new link for someone who has not accepted yet; the earlier ones stop working. */
  @Roles(UserRole.Staff)
  @Post('users/:id/invitation')
  @HttpCode(200)
  resend(@Param('id', notFoundOnBadId) id: string, @CurrentUser() staff: UserEntity): Promise<AgencyUserView> {
    return this.invitations.resend(staff, id);
  }

  /** Whom a live invitation is for; the link stays as it was (see InvitationLinkView). */
  @Public()
  @Post('auth/invitation/link')
  @HttpCode(200)
  link(@Body() body: VerifyEmailDto, @Req() request: FastifyRequest): Promise<InvitationLinkView> {
    return this.invitations.link(body.token, requestOrigin(request, this.cookie));
  }

  /** The invitation's link and the password its holder chose: sets it and signs this browser in. */
  @Public()
  @Post('auth/invitation/accept')
  @HttpCode(200)
  async accept(
    @Body() body: PasswordResetConfirmDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<UserView> {
    const { user, session } = await this.invitations.accept(
      body.token,
      body.password,
      requestOrigin(request, this.cookie),
    );
    this.cookie.set(response, session);
    return toUserView(user);
  }
}
