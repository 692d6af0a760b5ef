import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, UserRole } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROLES } from './access.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SessionCookie } from './session-cookie';
import { SessionService } from './session.service';

/** Global guard: resolves the session cookie, then applies @Public and @Roles. */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly cookie: SessionCookie;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new SessionCookie(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = this.cookie.read(request);
    if (token) {
      const session = await this.sessions.resolve(token);
      if (session) {
        request.user = session.user;
        request.sessionToken = token;
        request.sessionId = session.id;
      }
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    if (!request.user) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Please sign in to continue.');
    }
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw new DomainError(ErrorCode.Forbidden, 'Your account does not have access to this.');
    }
    return true;
  }
}
