import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { HelmetOptions } from 'helmet';
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
 */
export async function useSecurityHeaders(instance: FastifyInstance, options: { production: boolean }): Promise<void> {
  await instance.register(fastifyHelmet, helmetOptions(options));
  instance.addHook('onRequest', (request, reply, done) => {
    if (isApiPath(pathOf(request.url))) void reply.header('Cache-Control', 'no-store');
    done();
  });
}

/** helmet's settings, for @fastify/helmet and for the answers Fastify gives before any hook (framework-refusals.ts). */
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
