import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SESSION_COOKIE, UserView } from '@heardback/contracts';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UserEntity } from '../users/user.entity';
import { AuthenticatedRequest, CurrentUser, Public } from './access.decorators';
import { AuthService } from './auth.service';
import { LoginDto, RegisterDto } from './dto/credentials.dto';
import { IssuedSession } from './session.service';
import { toUserView } from './user-view';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  async register(@Body() body: RegisterDto, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    const { user, session } = await this.auth.register(body);
    this.setSessionCookie(response, session);
    return toUserView(user);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    const { user, session } = await this.auth.login(body);
    this.setSessionCookie(response, session);
    return toUserView(user);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (request.sessionToken) {
      await this.auth.logout(request.sessionToken);
    }
    response.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
    });
  }

  @Get('me')
  me(@CurrentUser() user: UserEntity): UserView {
    return toUserView(user);
  }

  private setSessionCookie(response: Response, session: IssuedSession): void {
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
  }
}
