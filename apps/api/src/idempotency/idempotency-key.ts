import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ErrorCode, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import type { FastifyRequest } from 'fastify';
import { pathOf } from '../app/api-path';
import { createHash } from 'node:crypto';

/** A command request's `Idempotency-Key`, with what makes two requests under it the same request. */
export interface IdempotencyKey {
  key: string;
  /** The method and route template, e.g. `POST /api/applications/:id/updates`. */
  route: string;
  /** SHA-256 of the route's parameters and the body as sent, keys sorted. */
  requestHash: string;
}

// Visible ASCII, no spaces: a UUID or any opaque token, never two headers joined by a comma and a space.
const KEY_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

const INVALID_KEY_REASON = `must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible characters without spaces, such as a UUID: a new one for each submission, the same one for its retries`;

/**
 * The request's `Idempotency-Key`, or null when it has none (the header is optional).
 * A malformed key is refused with a 400 before the command runs.
 */
export const IdempotencyKeyHeader = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotencyKey | null => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    if (key === undefined) return null;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new DomainError(ErrorCode.ValidationFailed, `${IDEMPOTENCY_KEY_HEADER} header: ${INVALID_KEY_REASON}.`, [
        { field: IDEMPOTENCY_KEY_HEADER, reasons: [INVALID_KEY_REASON] },
      ]);
    }
    const route = `${request.method} ${request.routeOptions.url ?? pathOf(request.url)}`;
    return { key, route, requestHash: sha256(canonicalJson({ params: request.params, body: request.body ?? null })) };
  },
);

/** Documents the optional header on a command route. */
export const AcceptsIdempotencyKey = () =>
  ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description:
      'A key generated once per submission (a UUID) and sent again with each retry: the command is carried out once.',
  });

/** JSON with every object's keys sorted, so the same request hashes the same however its body was ordered. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
