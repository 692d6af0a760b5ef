import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Below this a response goes as it is: a few hundred bytes fit in one packet either way, and
 * compressing them costs more CPU than it saves time.
 */
export const COMPRESS_ABOVE_BYTES = 1024;

/**
 * The API's answers compressed on the fly (brotli when the client takes it, else gzip) above
 * COMPRESS_ABOVE_BYTES. The plugin compresses the routes declared after it: the API's. The portal's
 * files are precompressed at build, and their route opts out. Brotli at quality 4 costs about what
 * gzip's default does and is smaller: the board's page of 20 jobs goes from ~6.7 kB to ~1.5 kB.
 * Why compressing these bodies is safe from BREACH: ADR 0028.
 */
export async function compressApiResponses(instance: FastifyInstance): Promise<void> {
  await instance.register(fastifyCompress, {
    threshold: COMPRESS_ABOVE_BYTES,
    encodings: ['br', 'gzip', 'deflate'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
