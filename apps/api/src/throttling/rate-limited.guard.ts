import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest } from '../auth/access.decorators';
import { RateLimitName } from '../config/app-config';
import { clientAddress } from './client-address';
import { RateLimitStore } from './rate-limit-store';

/** Routes that send mail, store files or read much, by what they are limited per client address and per signed-in account. */
const ROUTE_LIMITS = {
  register: { perClient: 'registrationsPerClient' },
  passwordReset: { perClient: 'passwordResetsPerClient' },
  mailing: { perClient: 'mailingActionsPerClient', perAccount: 'mailingActionsPerAccount' },
  documentUpload: { perClient: 'documentUploadsPerClient', perAccount: 'documentUploadsPerAccount' },
  dataExport: { perClient: 'dataExportsPerClient', perAccount: 'dataExportsPerAccount' },
  /** No account: counted per address and per review link (the token in the body, hashed by the store). */
  clientReview: { perClient: 'clientReviewsPerClient', perToken: 'clientReviewsPerLink' },
  satisfactionAnswer: { perClient: 'satisfactionAnswersPerClient' },
  /** The score's figures, tables, CSV and client months: its reads are the API's costliest (ADR 0047). */
  scoreRead: { perClient: 'scoreReadsPerClient', perAccount: 'scoreReadsPerAccount' },
} as const satisfies Record<string, RouteLimits>;

interface RouteLimits {
  perClient: RateLimitName;
  perAccount?: RateLimitName;
  perToken?: RateLimitName;
}

export type RateLimitedRoute = keyof typeof ROUTE_LIMITS;

const RATE_LIMITED_ROUTE = 'heardback:rateLimitedRoute';

/**
 * Counts every call of the route against its limits and answers 429 with Retry-After past them.
 * It runs after the global session guard (so it knows who is signed in) and before validation,
 * so a flood of malformed requests counts too.
 */
export const RateLimited = (route: RateLimitedRoute) =>
  applyDecorators(SetMetadata(RATE_LIMITED_ROUTE, route), UseGuards(RateLimitGuard));

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<RateLimitedRoute | undefined>(RATE_LIMITED_ROUTE, context.getHandler());
    if (!route) return true;
    const limits: RouteLimits = ROUTE_LIMITS[route];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (limits.perAccount && request.user) await this.store.enforce(limits.perAccount, request.user.id);
    const token: unknown = (request.body as { token?: unknown } | undefined)?.token;
    if (limits.perToken && typeof token === 'string') await this.store.enforce(limits.perToken, token);
    await this.store.enforce(limits.perClient, clientAddress(request));
    return true;
  }
}
