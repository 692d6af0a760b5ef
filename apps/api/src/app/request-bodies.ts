import { API_PREFIX, ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { DOCUMENT_UPLOAD_ROUTE } from '../documents/document-upload.interceptor';
import { ApiExceptionFilter } from '../errors/api-exception.filter';

/** The largest JSON body the API reads; every form in the portal fits in a fraction of it. */
export const MAX_JSON_BODY_BYTES = 100 * 1024;
/** Deeper than any request shape we define; bounds the work (and the recursion) of validation. */
export const MAX_JSON_DEPTH = 16;

const MEDIA_TYPE_MESSAGE = 'Send the request body as JSON (Content-Type: application/json; charset=utf-8).';

/**
 * The API reads JSON and nothing else (but the CV upload). Only `application/json` bodies are parsed: a form-encoded
 * or multipart body (what a cross-site HTML form can send) is refused with 415 before any handler
 * runs; a body that is too large, in another charset or encoding, not JSON, or nested too deeply
 * gets its own 4xx. None of them reaches a controller, so none can cause a 500 or a partial write.
 */
export function acceptJsonBodiesOnly(app: NestExpressApplication): void {
  const filter = new ApiExceptionFilter();
  const refuse: ErrorRequestHandler = (error: unknown, _request, response, next) => {
    const status = clientErrorStatus(error);
    if (status === null) return next(error);
    const apiError = filter.toApiError(new DomainError(codeFor(status), messageFor(status, error)));
    response.status(apiError.statusCode).json(apiError);
  };

  const onlyJson: RequestHandler = (request, response, next) => {
    if (!hasBody(request.headers) || request.is('application/json') || isDocumentUpload(request)) return next();
    const apiError = filter.toApiError(new DomainError(ErrorCode.UnsupportedMediaType, MEDIA_TYPE_MESSAGE));
    response.status(apiError.statusCode).json(apiError);
  };

  const notTooDeep: RequestHandler = (request, response, next) => {
    if (jsonDepth(request.body as unknown) > MAX_JSON_DEPTH) {
      const apiError = filter.toApiError(
        new DomainError(
          ErrorCode.ValidationFailed,
          `The request body is nested more than ${MAX_JSON_DEPTH} levels deep. Send the fields the form asks for.`,
        ),
      );
      response.status(apiError.statusCode).json(apiError);
      return;
    }
    // JSON.parse keeps "__proto__" as a key of its own, which the validation of a request's shape never
    // sees (it is no property of the class); every other unknown field is refused, so is this.
    const key = prototypeKeyIn(request.body as unknown);
    if (key === null) return next();
    const apiError = filter.toApiError(
      new DomainError(ErrorCode.ValidationFailed, `${key}: is not something we ask for`, [
        { field: key, reasons: ['is not something we ask for'] },
      ]),
    );
    response.status(apiError.statusCode).json(apiError);
  };

  app.use(onlyJson);
  app.useBodyParser('json', { limit: MAX_JSON_BODY_BYTES });
  app.use(refuse);
  app.use(notTooDeep);
}

/**
 * The one exception: a candidate's CV upload, multipart/form-data read by its own interceptor
 * within its own limits. Matched on the exact path, so no other spelling of it, and no other
 * route, ever sees a multipart body; the XSRF check has already run, as for every POST.
 */
const DOCUMENT_UPLOAD_PATH = `/${API_PREFIX}/${DOCUMENT_UPLOAD_ROUTE}`;
export function isDocumentUpload(request: Request): boolean {
  return (
    request.method === 'POST' && request.path === DOCUMENT_UPLOAD_PATH && Boolean(request.is('multipart/form-data'))
  );
}

/** As body-parser decides: a request has a body when it says how long it is (and that is not 0) or is chunked. */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The status of a client error raised by body-parser (http-errors sets `expose` on 4xx only). */
function clientErrorStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : null;
}

function codeFor(status: number): ErrorCode {
  if (status === 413) return ErrorCode.PayloadTooLarge;
  if (status === 415) return ErrorCode.UnsupportedMediaType;
  return ErrorCode.ValidationFailed;
}

function messageFor(status: number, error: unknown): string {
  if (status === 413)
    return `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024} kB. Shorten the text and try again.`;
  if (status === 415) return MEDIA_TYPE_MESSAGE;
  const type = (error as { type?: unknown }).type;
  return type === 'entity.parse.failed'
    ? 'The request body is not valid JSON.'
    : 'The request body could not be read. Check it and try again.';
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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
