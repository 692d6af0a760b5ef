import { ApiError, ErrorCode } from '@heardback/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { securityHeaders } from './security-headers';

/**
 * What Fastify refuses before a request has a route, and so before any of our hooks runs: a malformed
 * address (`/%E0%A4%A`), or a request line or headers Node cannot parse. They are answered in the API's
 * shape with the headers every answer carries (the security headers, `no-store`, a request id), and logged
 * as one line each, without the address, which may be anything.
 */
export function frameworkRefusals(root: Logger, options: { production: boolean }) {
  const filter = new ApiExceptionFilter();
  const headers = securityHeaders(options);
  const headerLines = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return {
    /** Fastify's `frameworkErrors`: a URL it cannot decode, a parameter past `maxParamLength`. */
    frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
      const body = filter.toApiError(error);
      const requestId = randomUUID();
      root.warn(
        { req: { id: requestId, method: request.method }, res: { statusCode: body.statusCode }, event: error.code },
        `${request.method} (an address that cannot be read) ${body.statusCode}`,
      );
      void reply
        .code(body.statusCode)
        .headers({ ...headers, 'Cache-Control': 'no-store', 'X-Request-Id': requestId })
        .send(body);
    },

    /** Fastify's `clientErrorHandler`: what Node's HTTP parser refuses, written to the socket as it closes. */
    clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const body = clientErrorBody(error.code);
      root.warn(
        { res: { statusCode: body.statusCode }, event: error.code },
        `(a request that cannot be read) ${body.statusCode}`,
      );
      if (socket.writable) {
        const json = JSON.stringify(body);
        socket.write(
          `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode]}\r\n` +
            `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
            `Cache-Control: no-store\r\n${headerLines}Connection: close\r\n\r\n${json}`,
        );
      }
      socket.destroy(error);
    },
  };
}

function clientErrorBody(code: string | undefined): ApiError {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      statusCode: 408,
      code: ErrorCode.ValidationFailed,
      message: 'The request took too long to arrive. Send it again.',
    };
  if (code === 'HPE_HEADER_OVERFLOW')
    return {
      statusCode: 431,
      code: ErrorCode.ValidationFailed,
      message: 'The address or the headers of the request are too long. Shorten them and try again.',
    };
  return {
    statusCode: 400,
    code: ErrorCode.ValidationFailed,
    message: 'The request could not be read. Send it again.',
  };
}
