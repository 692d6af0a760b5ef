import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs: one line per request (request id, method, path, status, duration, user id)
 * and every other line written while serving it carries the same request id, because the request's
 * logger travels in async-local storage. Cookies, tokens, passwords and bodies are never logged.
 */

/** Header values and fields that must never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-xsrf-token"]',
  'res.headers["set-cookie"]',
  // At the top of a line (Nest's logger spreads an object it is given) and one level in.
  'password',
  'currentPassword',
  'newPassword',
  'token',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
];

/** A caller's request id is kept when it looks like one, so logs can be joined across services. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function createRootLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'heardback-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

/** What one request's lines share: its id, and its logger, made when a line first needs it. */
interface RequestContext {
  requestId: string;
  line: { id: string; method: string; path: string };
  child: Logger | null;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * The first hook: names the request, logs its outcome, and binds its context for everything after.
 *
 * One listener on the response's `close` (which Node emits after the answer is sent, and also when the
 * connection goes first) writes the outcome line. pino-http did the same with a child logger per request,
 * three listeners and its own serializers; this is a third of its cost (ADR 0081).
 *
 * The request's context is entered in `onRequest`, but Fastify runs the hooks after the body is read
 * (`preValidation` on, the guards and the handler) from the request stream's `end` event, in the
 * stream's async context, not ours: they are put back into it there, as @fastify/request-context does.
 */
export function useRequestLogging(instance: FastifyInstance, root: Logger): void {
  const contexts = new WeakMap<FastifyRequest, AsyncResource>();
  instance.addHook('onRequest', (request, reply, done) => {
    const incoming = request.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    reply.raw.setHeader('X-Request-Id', id);
    const url = request.raw.url ?? '';
    const context: RequestContext = {
      requestId: id,
      line: { id, method: request.raw.method ?? '', path: withoutQuery(url) },
      child: null,
    };
    if (url !== '/api/health') {
      const started = performance.now();
      reply.raw.once('close', () => logOutcome(root, context, request, reply.raw, performance.now() - started));
    }
    requestContext.run(context, () => {
      const resource = new AsyncResource('heardback-request');
      contexts.set(request, resource);
      resource.runInAsyncScope(done, request.raw);
    });
  });
  instance.addHook('preValidation', (request, _reply, done) => {
    const resource = contexts.get(request);
    if (resource) resource.runInAsyncScope(done, request.raw);
    else done();
  });
}

/** The request's one outcome line: who (once known), what, the status sent and how long it took. */
function logOutcome(
  root: Logger,
  context: RequestContext,
  request: FastifyRequest,
  response: ServerResponse,
  milliseconds: number,
): void {
  const finished = response.writableFinished;
  const status = response.statusCode;
  const userId = (request as { user?: { id?: string } }).user?.id;
  // The answer was cut off by the server itself (a download that failed part-way destroys the response with
  // its error): that is ours to fix, not a caller who went away.
  const failed = response.errored;
  const level: 'error' | 'warn' | 'info' = failed
    ? 'error'
    : !finished
      ? 'info'
      : status >= 500
        ? 'error'
        : // Refusals are security events: someone was not signed in, not allowed, or sent a forged request.
          status === 401 || status === 403 || status === 429
          ? 'warn'
          : 'info';
  root[level](
    {
      req: context.line,
      // A status Node holds when the connection closed before the headers went out was never sent: none is written.
      res: { statusCode: response.headersSent ? status : null },
      responseTime: Math.round(milliseconds),
      ...(userId ? { userId } : {}),
      ...(failed ? { err: failed } : {}),
    },
    outcomeMessage({ method: context.line.method, url: context.line.path }, response, milliseconds),
  );
}

/**
 * A request's outcome line. It is also written when the connection closes before the answer was
 * complete: the caller went away, its body never arrived and Node's request timeout answered on the socket,
 * or a shutdown cut it off. The status Node holds then may never have been sent (the line's `res.statusCode`
 * is null unless the headers had gone out), so the words say what is known instead, blaming no one.
 */
export function outcomeMessage(
  request: { method?: string; url?: string },
  response: { statusCode: number; writableFinished: boolean },
  milliseconds: number,
): string {
  const line = requestLine(request);
  return response.writableFinished
    ? `${line} ${response.statusCode} ${Math.round(milliseconds)} ms`
    : `${line}: the connection closed before the answer was complete, after ${Math.round(milliseconds)} ms`;
}

/** Method and path, without the query: search terms and cursors say nothing about an incident and may be personal. */
function requestLine(request: { method?: string; url?: string }): string {
  return `${request.method} ${withoutQuery(request.url ?? '')}`;
}

function withoutQuery(url: string): string {
  return url.split('?')[0];
}

/** The logger for the current request, or the root logger outside one (start-up, background work). */
export function currentLogger(root: Logger): Logger {
  const context = requestContext.getStore();
  if (!context) return root;
  context.child ??= root.child({ req: context.line });
  return context.child;
}

/** The id of the request being served (as in its log lines and `X-Request-Id`), or null outside one. */
export function currentRequestId(): string | null {
  return requestContext.getStore()?.requestId ?? null;
}

/** Nest's own logging (and every `new Logger(context)`) written through pino, with the request id. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    const [stack, ctx] = context === undefined ? [undefined, stackOrContext] : [stackOrContext, context];
    currentLogger(this.root).error({ context: ctx, stack }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string): void {
    const logger = currentLogger(this.root);
    if (typeof message === 'object' && message !== null) logger[level]({ context, ...message });
    else logger[level]({ context }, String(message));
  }
}
