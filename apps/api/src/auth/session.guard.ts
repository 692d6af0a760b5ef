import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, SESSION_COOKIE, UserRole } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROLES } from './access.decorators';
import { SessionService } from './session.service';

/** Global guard: resolves the session cookie, then applies @Public and @Roles. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0) {
      const user = await this.sessions.resolve(token);
      if (user) {
        request.user = user;
        request.sessionToken = token;
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
