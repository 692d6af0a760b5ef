import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  RegisterResult,
  RegistrationConfirmedView,
  PasswordResetLinkView,
  RegistrationLinkView,
  SignedInView,
  UserView,
} from '@heardback/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UserEntity } from '../users/user.entity';
import { AuthenticatedRequest, CurrentUser, Public } from './access.decorators';
import { AuthService, RequestOrigin } from './auth.service';
import {
  ConfirmRegistrationDto,
  PasswordResetConfirmDto,
  PasswordResetDto,
  RestartRegistrationDto,
  VerifyEmailDto,
} from './dto/account.dto';
import { LoginDto, RegisterDto } from './dto/credentials.dto';
import { SessionCookie } from './session-cookie';
import { requestOrigin } from './request-origin';
import { RateLimited } from '../throttling/rate-limited.guard';
import { toUserView } from './user-view';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly cookie: SessionCookie;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new SessionCookie(config);
  }

  /** 202 and no session, whether the address is new or taken: see RegisterResult. */
  @Public()
  @RateLimited('register')
  @Post('register')
  @HttpCode(202)
  async register(@Body() body: RegisterDto): Promise<RegisterResult> {
    await this.auth.register(body);
    return { email: body.email, checkEmail: true };
  }

  /** The address a live link to finish registering is for; the link stays as it was (see RegistrationLinkView). */
  @Public()
  @Post('register/link')
  @HttpCode(200)
  registrationLink(@Body() body: VerifyEmailDto, @Req() request: FastifyRequest): Promise<RegistrationLinkView> {
    return this.auth.registrationLink(body.token, this.origin(request));
  }

  /** The link emailed on registering, with the password chosen then: makes the account and signs this browser in. */
  @Public()
  @Post('register/confirm')
  @HttpCode(200)
  async confirmRegistration(
    @Body() body: ConfirmRegistrationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<RegistrationConfirmedView> {
    const { user, returnTo, session } = await this.auth.confirmRegistration(
      body.token,
      body.password,
      this.origin(request),
    );
    this.cookie.set(response, session);
    return { user: toUserView(user), returnTo };
  }

  /**
   * A live link and a new name and password: the link stops working and a new one is emailed to the same
   * address (see RestartRegistrationRequest). 202 and no session, as registering.
   */
  @Public()
  @Post('register/restart')
  @HttpCode(202)
  async restartRegistration(
    @Body() body: RestartRegistrationDto,
    @Req() request: FastifyRequest,
  ): Promise<RegisterResult> {
    const { email } = await this.auth.restartRegistration(body, this.origin(request));
    return { email, checkEmail: true };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<UserView> {
    const { user, session } = await this.auth.login(body, this.origin(request));
    this.cookie.set(response, session);
    return toUserView(user);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    const token = this.cookie.read(request);
    if (token) {
      await this.auth.logout(token);
    }
    this.cookie.clear(response);
  }

  /** Who the session cookie belongs to, or `{ user: null }` for a visitor: see SignedInView. */
  @Public()
  @Get('session')
  session(@Req() request: AuthenticatedRequest): SignedInView {
    return { user: request.user ? toUserView(request.user) : null };
  }

  @Get('me')
  me(@CurrentUser() user: UserEntity): UserView {
    return toUserView(user);
  }

  /** The link in the verification email; works once. */
  @Public()
  @Post('verify-email')
  @HttpCode(204)
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    await this.auth.verifyEmail(body.token);
  }

  /** Always 202: the answer does not say whether the address has an account. */
  @Public()
  @RateLimited('passwordReset')
  @Post('password-reset')
  @HttpCode(202)
  async requestPasswordReset(@Body() body: PasswordResetDto): Promise<void> {
    await this.auth.requestPasswordReset(body.email);
  }

  /** The address a live reset link is for; the link stays as it was (see PasswordResetLinkView). */
  @Public()
  @Post('password-reset/link')
  @HttpCode(200)
  passwordResetLink(@Body() body: VerifyEmailDto, @Req() request: FastifyRequest): Promise<PasswordResetLinkView> {
    return this.auth.passwordResetLink(body.token, this.origin(request));
  }

  /** Sets the password from the emailed link, ends every session of the account, signs this browser in. */
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(200)
  async confirmPasswordReset(
    @Body() body: PasswordResetConfirmDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<UserView> {
    const { user, session } = await this.auth.confirmPasswordReset(body.token, body.password, this.origin(request));
    this.cookie.set(response, session);
    return toUserView(user);
  }

  private origin(request: FastifyRequest): RequestOrigin {
    return requestOrigin(request, this.cookie);
  }
}
