import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { UserRole } from '@heardback/contracts';
import type { FastifyRequest } from 'fastify';
import { UserEntity } from '../users/user.entity';

export const PUBLIC_ROUTE = 'heardback:public';
export const ROLES = 'heardback:roles';

/** Open to visitors without an account. Everything else needs a session. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export interface AuthenticatedRequest extends FastifyRequest {
  user?: UserEntity;
  sessionToken?: string;
  /** The id of the session the request is signed in with. */
  sessionId?: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserEntity => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) {
    throw new Error('CurrentUser used on a route without a signed-in user');
  }
  return request.user;
});
