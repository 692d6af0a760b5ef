import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isApiPath, pathOf } from './api-path';

/**
 * The content security policy the built portal runs under (checked in Chromium by the portal e2e):
 * scripts only from our origin, no plugins, no framing by anyone, forms and API calls to ourselves.
 * Angular adds component styles as <style> elements at run time, so styles allow 'unsafe-inline';
 * scripts do not, which is what stops injected markup from running.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * helmet's headers on every response (CSP, frame-ancestors and X-Frame-Options, nosniff,
 * Referrer-Policy, HSTS in production), and `Cache-Control: no-store` on the API: its answers are
 * personal data, and a shared computer's back button must not show them to the next person.
 *
 * helmet works the headers out once here, not per request: @fastify/helmet built helmet's whole
 * middleware again for every request (parsing the policy each time, 18 µs and 6 kB of garbage a
 * request on the job page, ADR 0078), and none of these headers depends on the request.
 */
export function useSecurityHeaders(instance: FastifyInstance, options: { production: boolean }): void {
  const headers = securityHeaders(options);
  instance.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers);
    if (isApiPath(pathOf(request.url))) void reply.header('Cache-Control', 'no-store');
    done();
  });
}

/**
 * The headers helmet sets for these options, by running its middleware once on a response that only
 * records them. Every directive here is a fixed string; a policy that varied by request (a nonce, a
 * directive written as a function) would have to go back to running helmet per request.
 */
export function securityHeaders(options: { production: boolean }): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
      return recorder;
    },
    removeHeader: () => undefined,
  };
  let failure: unknown;
  helmet(helmetOptions(options))({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return Object.freeze(headers);
}

/** helmet's settings, from which `securityHeaders` works out the headers every answer carries. */
export function helmetOptions(options: { production: boolean }): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_POLICY,
        ...(options.production ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Browsers ignore HSTS received over plain HTTP, so this is safe on localhost too.
    strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}
