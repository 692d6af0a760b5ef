import { API_PREFIX, ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { HttpException, NotFoundException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DOCUMENT_UPLOAD_ROUTE } from '../documents/document-upload.interceptor';
import { isApiPath, pathOf } from './api-path';

/** The largest JSON body the API reads; every form in the portal fits in a fraction of it. */
export const MAX_JSON_BODY_BYTES = 100 * 1024;
/** Deeper than any request shape we define; bounds the work (and the recursion) of validation. */
export const MAX_JSON_DEPTH = 16;
/**
 * More fields and list items, counted through every level, than any form sends (a job with every stage,
 * question and option is under 200). Validation's work and the list of what is wrong grow with them: 33,000
 * empty answers in a 100 kB body took 3 s of the one thread to refuse, with an 8.7 MB answer.
 */
export const MAX_JSON_MEMBERS = 500;

const MEDIA_TYPE_MESSAGE = 'Send the request body as JSON (Content-Type: application/json; charset=utf-8).';
const ENCODING_MESSAGE = 'Send the request body as it is, or compressed with gzip, deflate or br.';
const NOTHING_HERE_MESSAGE = 'There is nothing at this address.';
const UPLOAD_ENCODING_MESSAGE = 'Send the file as it is, without compressing the request.';
const NOT_JSON_MESSAGE = 'The request body is not valid JSON in UTF-8.';
/** Refuses bytes that are not UTF-8, where a lenient decoder would slip in replacement characters. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const BODY_TOO_LARGE_MESSAGE = `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024} kB. Shorten the text and try again.`;

/**
 * The API reads JSON and nothing else (but the CV upload). Only `application/json` bodies in UTF-8, sent as
 * they are, are parsed: a form-encoded or multipart body (what a cross-site HTML form can send) is refused
 * with 415 before any handler runs; a body that is too large, not JSON, or nested too deeply gets its own
 * 4xx. None of them reaches a controller, so none can cause a 500 or a partial write. The refusals are
 * errors handed to Fastify, which hands them to ApiExceptionFilter: one shape for every error.
 */
export function acceptJsonBodiesOnly(instance: FastifyInstance): void {
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: MAX_JSON_BODY_BYTES },
    (_request, body, done) => {
      // An empty body is no body, as before Fastify. JSON.parse keeps "__proto__" and "constructor" as keys
      // of their own, refused by name below rather than as "not JSON".
      if ((body as Buffer).length === 0) return done(null, undefined);
      try {
        done(null, JSON.parse(UTF8.decode(body as Buffer)));
      } catch {
        done(new DomainError(ErrorCode.ValidationFailed, NOT_JSON_MESSAGE), undefined);
      }
    },
  );
  instance.addHook('onRequest', (request, _reply, done) => {
    if (!hasBody(request.headers)) return done();
    done((isDocumentUpload(request) ? compressedUpload(request) : unreadableBody(request)) ?? undefined);
  });
  instance.addHook('preValidation', (request, _reply, done) =>
    done(
      bodyShapeError(request.body) ??
        (isApiPath(pathOf(request.url)) ? prototypeKeyError(request.query) : null) ??
        undefined,
    ),
  );
}

/** The encodings a JSON body may come in: @fastify/compress inflates them (response-compression.ts). */
const BODY_ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);

/** Why a body that is about to be read will not be: not JSON, not UTF-8, in an encoding we cannot read, or too large. */
function unreadableBody(request: FastifyRequest): DomainError | null {
  const [mediaType, ...parameters] = (request.headers['content-type'] ?? '').toLowerCase().split(';');
  const charset = parameters
    .map((parameter) => parameter.trim().split('='))
    .find(([name]) => name === 'charset')?.[1]
    ?.replaceAll('"', '');
  const encoding = request.headers['content-encoding']?.trim().toLowerCase() || 'identity';
  if (mediaType.trim() !== 'application/json' || !(charset === undefined || charset === 'utf-8' || charset === 'utf8'))
    return new DomainError(ErrorCode.UnsupportedMediaType, MEDIA_TYPE_MESSAGE);
  if (!BODY_ENCODINGS.has(encoding)) return new DomainError(ErrorCode.UnsupportedMediaType, ENCODING_MESSAGE);
  // Encodings are named in any case (RFC 9110); the plugin that inflates the body compares them as they are.
  request.headers['content-encoding'] = encoding;
  // Said before it is sent; a body longer than it says, or compressed, is cut off at the limit as it is read.
  if (encoding === 'identity' && Number(request.headers['content-length']) > MAX_JSON_BODY_BYTES)
    return new DomainError(ErrorCode.PayloadTooLarge, BODY_TOO_LARGE_MESSAGE);
  return null;
}

/** A file upload sent compressed: the multipart reader reads files as they are sent, so it would misread it. */
function compressedUpload(request: FastifyRequest): DomainError | null {
  const encoding = request.headers['content-encoding']?.trim().toLowerCase() || 'identity';
  return encoding === 'identity' ? null : new DomainError(ErrorCode.UnsupportedMediaType, UPLOAD_ENCODING_MESSAGE);
}

/** A parsed body nested too deeply, or naming an object's prototype; null when its shape may be validated. */
function bodyShapeError(body: unknown): DomainError | null {
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    return new DomainError(
      ErrorCode.ValidationFailed,
      `The request body is nested more than ${MAX_JSON_DEPTH} levels deep. Send the fields the form asks for.`,
    );
  }
  if (jsonMembers(body) > MAX_JSON_MEMBERS) {
    return new DomainError(
      ErrorCode.ValidationFailed,
      `The request body holds more than ${MAX_JSON_MEMBERS} fields and list items. Send the fields the form asks for.`,
    );
  }
  return prototypeKeyError(body);
}

/**
 * JSON.parse and the query parser keep "__proto__" (or "toString") as a key of its own, which the validation
 * of a request's shape never sees (it is no property of the class, or it is every object's); every other
 * unknown field is refused, so are these, in a body or a query alike.
 */
function prototypeKeyError(value: unknown): DomainError | null {
  const key = prototypeKeyIn(value);
  if (key === null) return null;
  return new DomainError(ErrorCode.ValidationFailed, `${key}: is not something we ask for`, [
    { field: key, reasons: ['is not something we ask for'] },
  ]);
}

/**
 * A client error Fastify (or one of its plugins) raised while reading a request, in the API's words; null for
 * anything else. NestJS hands such errors to the exception filter as a plain HttpException carrying Fastify's
 * message (`mapExternalException`), where the API's own refusals are DomainErrors and Nest's are subclasses;
 * `frameworkErrors` and `clientErrorHandler` (create-app.ts) hand over the Fastify error itself.
 */
export function frameworkClientError(error: unknown): DomainError | null {
  // NestJS answers an address no route has with `Cannot GET /the/path`: the path sent back, however long.
  if (error instanceof NotFoundException && /^Cannot \S+ \//.test(error.message))
    return new DomainError(ErrorCode.NotFound, NOTHING_HERE_MESSAGE);
  const status =
    error instanceof HttpException
      ? error.constructor === HttpException
        ? error.getStatus()
        : null
      : fastifyClientStatus(error);
  if (status === null || status < 400 || status >= 500) return null;
  if (status === 413) return new DomainError(ErrorCode.PayloadTooLarge, BODY_TOO_LARGE_MESSAGE);
  if (status === 415)
    return new DomainError(ErrorCode.UnsupportedMediaType, `${MEDIA_TYPE_MESSAGE} ${ENCODING_MESSAGE}`);
  // A part of the path longer than any id (routerOptions.maxParamLength) names nothing we have, like any bad id.
  if (status === 404 || (error as { code?: unknown }).code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new DomainError(ErrorCode.NotFound, NOTHING_HERE_MESSAGE);
  if ((error as { code?: unknown }).code === 'FST_ERR_BAD_URL')
    return new DomainError(ErrorCode.ValidationFailed, 'The address is not valid. Check it and try again.');
  return new DomainError(ErrorCode.ValidationFailed, 'The request could not be read. Check it and send it again.');
}

/** The status of an error Fastify or one of its plugins raised (their codes start with `FST_`), or null. */
function fastifyClientStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return typeof statusCode === 'number' && typeof code === 'string' && code.startsWith('FST_') ? statusCode : null;
}

/**
 * The one exception: a candidate's CV upload, multipart/form-data read by its own interceptor
 * within its own limits. Matched on the path as the router matches it (any case, a trailing slash),
 * so no other route ever sees a multipart body; the XSRF check has already run, as for every POST.
 */
const DOCUMENT_UPLOAD_PATH = `/${API_PREFIX}/${DOCUMENT_UPLOAD_ROUTE}`;
export function isDocumentUpload(request: FastifyRequest): boolean {
  return (
    request.method === 'POST' &&
    routedPath(request.url) === DOCUMENT_UPLOAD_PATH &&
    /^multipart\/form-data(;|$)/i.test(request.headers['content-type']?.trim() ?? '')
  );
}

/** The path as the router matches it: in any case, with or without a trailing slash (create-app.ts). */
function routedPath(url: string): string {
  const path = pathOf(url).toLowerCase();
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** As body-parser decided, and Node's parser does: a request has a body when it says how long it is (and that is not 0) or is chunked. */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** `__proto__`, `constructor`, `toString`, `hasOwnProperty`…: every object's own, and a function's `prototype`. */
const PROTOTYPE_KEYS = new Set(['prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/** The first key anywhere in a parsed body that names an object's prototype, or null (walked without recursion). */
export function prototypeKeyIn(value: unknown): string | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    for (const key of Object.keys(next)) {
      if (PROTOTYPE_KEYS.has(key)) return key;
      pending.push((next as Record<string, unknown>)[key]);
    }
  }
  return null;
}

/** How deeply objects and arrays nest in a parsed body, counted without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop() as { value: unknown; depth: number };
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_JSON_DEPTH) return depth;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return deepest;
}

/** How many fields and list items a parsed body holds at every level, counted without recursion and only just past the limit. */
export function jsonMembers(value: unknown): number {
  let members = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    const children = Object.values(next);
    members += children.length;
    if (members > MAX_JSON_MEMBERS) return members;
    for (const child of children) pending.push(child);
  }
  return members;
}
