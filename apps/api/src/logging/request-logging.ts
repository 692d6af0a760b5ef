import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * Structured JSON logs: one line per request (request id, method, path, status, duration, user id)
 * and every other line written while serving it carries the same request id, because the request's
 * logger travels in async-local storage. Cookies, tokens, passwords and bodies are never logged.
 */
const requestContext = new AsyncLocalStorage<{ logger: Logger; requestId: string }>();

/** Header values and fields that must never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-xsrf-token"]',
  'res.headers["set-cookie"]',
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

/**
 * The first hook: names the request, logs its outcome, and binds its logger for everything after.
 *
 * The request's context is entered in `onRequest`, but Fastify runs the hooks after the body is read
 * (`preValidation` on, the guards and the handler) from the request stream's `end` event, in the
 * stream's async context, not ours: they are put back into it there, as @fastify/request-context does.
 */
export function useRequestLogging(instance: FastifyInstance, root: Logger): void {
  // pino-http sees Node's request; the session guard signs in Fastify's, which wraps it.
  const wrappers = new WeakMap<IncomingMessage, FastifyRequest>();
  const contexts = new WeakMap<FastifyRequest, AsyncResource>();
  const http = pinoHttp({
    logger: root,
    genReqId: (request, response) => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    // The path without its query: search terms and cursors say nothing about an incident and may be personal.
    serializers: {
      req: (request: { id: string; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        path: withoutQuery(request.url),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    // Only once known: pino-http binds these when the request starts (before sign-in is checked) and again
    // on its outcome line when they differ, so a null bound first would stand beside the id in one line.
    customProps: (request) => {
      const userId = (wrappers.get(request) as { user?: { id?: string } } | undefined)?.user?.id;
      return userId ? { userId } : {};
    },
    customLogLevel: (_request, response, error) => {
      if (error || response.statusCode >= 500) return 'error';
      // Refusals are security events: someone was not signed in, not allowed, or sent a forged request.
      if (response.statusCode === 401 || response.statusCode === 403 || response.statusCode === 429) return 'warn';
      return 'info';
    },
    customSuccessMessage: (request, response, time) => outcomeMessage(request, response, time),
    customErrorMessage: (request, response) => `${requestLine(request)} ${response.statusCode}`,
    autoLogging: { ignore: (request) => request.url === '/api/health' },
  });
  instance.addHook('onRequest', (request, reply, done) => {
    wrappers.set(request.raw, request);
    http(request.raw, reply.raw);
    const { log, id } = request.raw as unknown as { log: Logger; id: unknown };
    requestContext.run({ logger: log, requestId: String(id) }, () => {
      const context = new AsyncResource('heardback-request');
      contexts.set(request, context);
      context.runInAsyncScope(done, request.raw);
    });
  });
  instance.addHook('preValidation', (request, _reply, done) => {
    const context = contexts.get(request);
    if (context) context.runInAsyncScope(done, request.raw);
    else done();
  });
}

/**
 * A request's outcome line. pino-http also writes one when the connection closes before the answer was
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
  return requestContext.getStore()?.logger ?? root;
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
