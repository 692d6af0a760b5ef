import compression from 'compression';
import type { RequestHandler } from 'express';
import { constants } from 'node:zlib';
import { isApiPath } from './api-path';

/**
 * Below this a response goes as it is: a few hundred bytes fit in one packet either way, and
 * compressing them costs more CPU than it saves time.
 */
export const COMPRESS_ABOVE_BYTES = 1024;

/**
 * The API's answers compressed on the fly (brotli when the client takes it, else gzip) above
 * COMPRESS_ABOVE_BYTES; the portal's files are precompressed at build and never pass through here.
 * Brotli at quality 4 costs about what gzip's default does and is smaller: the board's page of
 * 20 jobs goes from ~6.7 kB to ~1.5 kB. Why compressing these bodies is safe from BREACH: ADR 0028.
 */
export function compressApiResponses(): RequestHandler {
  const compress = compression({
    threshold: COMPRESS_ABOVE_BYTES,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  return (request, response, next) => (isApiPath(request.path) ? compress(request, response, next) : next());
}
