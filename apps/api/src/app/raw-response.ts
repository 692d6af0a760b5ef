import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';

/**
 * Takes the response over from Fastify, for a download written piece by piece as it is read from the
 * database (the score's CSV, the data export). The headers set so far (`no-store`, the request id, the
 * security headers) go with it; from here on, what is written is the handler's to finish or to break off.
 */
export function takeOver(reply: FastifyReply, status = 200): ServerResponse {
  reply.hijack();
  const response = reply.raw;
  response.statusCode = status;
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) response.setHeader(name, value);
  }
  return response;
}
