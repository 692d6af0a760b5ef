import type { FastifyRequest } from 'fastify';
import { clientAddress } from '../throttling/client-address';
import type { RequestOrigin } from './auth.service';
import { SessionCookie } from './session-cookie';

/** Where a request came from, for the account endpoints that sign a browser in or count per client. */
export function requestOrigin(request: FastifyRequest, cookie: SessionCookie): RequestOrigin {
  return {
    userAgent: request.headers['user-agent'] ?? null,
    currentToken: cookie.read(request),
    clientAddress: clientAddress(request),
  };
}
