import send from '@fastify/send';
import accepts from 'accepts';
import { contentType } from 'mime-types';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isApiPath, pathOf } from '../app/api-path';
import { chooseEncoding } from './accept-encoding';
import { listPortalFiles, PortalFile } from './portal-files';

/** The route the portal's files are served under: everything the API's own routes do not match. */
export const PORTAL_ROUTE = '/*';

/**
 * In production the API serves the built portal, so the product is one process on one port.
 *
 * - Never on /api: an API request goes straight on to the API, without touching the file system.
 * - Precompressed: the build writes `.br` and `.gz` copies next to each file
 *   (tools/precompress-portal.mjs); the best one the browser accepts is sent, with `Vary`.
 * - Hashed assets are cached for a year (`immutable`); index.html is checked on every use.
 * - Any other GET outside /api that asks for HTML gets index.html, so deep links into the
 *   single-page app work; anything else (a JSON client) gets the API's JSON 404. So does a missing
 *   file, whatever it accepts: a page left open across a deployment asks for its old chunks with
 *   `Accept: *\/*`, and index.html in their place would be a script error, not a clear 404.
 */
export function servePortal(instance: FastifyInstance, portalDir: string): void {
  if (!existsSync(join(portalDir, 'index.html'))) {
    new Logger('Portal').warn(
      `No built portal at ${portalDir}; serving the API only. Run \`npm run build\` to build it.`,
    );
    return;
  }
  const files = listPortalFiles(portalDir);
  const index = files.get('/index.html') as PortalFile;
  const precompressed = [...files.values()].filter((file) => file.encoded.size > 0).length;
  if (precompressed === 0) {
    new Logger('Portal').warn(`The portal at ${portalDir} has no precompressed files; sending them uncompressed.`);
  }

  // A route of its own, which the router tries only when no route of the API matches; HEAD comes with GET.
  instance.route({
    method: 'GET',
    url: PORTAL_ROUTE,
    // Already compressed at build, or too small to be worth it.
    compress: false,
    handler: async (request, reply) => {
      const path = pathOf(request.url);
      if (isApiPath(path)) return reply.callNotFound();
      const file = files.get(path);
      if (file) return sendPortalFile(request, reply, file, portalDir);
      if (namesAFile(path) || accepts(request.raw).type(['html', 'json']) !== 'html') return reply.callNotFound();
      return sendPortalFile(request, reply, index, portalDir);
    },
  });
}

/** A path whose last segment has an extension (`/chunk-AB12.js`) names a file; the portal's routes have none. */
function namesAFile(path: string): boolean {
  return /\.[A-Za-z0-9]{1,10}$/.test(path.slice(path.lastIndexOf('/') + 1));
}

async function sendPortalFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: PortalFile,
  portalDir: string,
): Promise<FastifyReply> {
  const encoding = chooseEncoding(request.headers['accept-encoding'], new Set(file.encoded.keys()));
  const stored = encoding ? (file.encoded.get(encoding) as string) : file.path;
  // `root` rather than an absolute path: the portal directory may sit under a dot-directory
  // (`send` refuses dotfiles in the path it is given, but not in its root). Its ETag is the file's size and
  // date, so a rolled-back index.html is not taken for the newer one a browser holds.
  const { statusCode, headers, stream, type } = await send(request.raw, stored, {
    root: portalDir,
    cacheControl: false,
    contentType: false,
  });
  // Listed at start but gone since: as if it had never been there.
  if (statusCode === 404) {
    stream.destroy();
    reply.callNotFound();
    return reply;
  }
  void reply
    .code(statusCode)
    .headers(headers)
    .header('Vary', 'Accept-Encoding')
    .header('Cache-Control', file.cacheControl);
  if (type === 'error') {
    // A range past the end (416) or a precondition that failed (412): the status and its headers, no page.
    stream.destroy();
    return reply.removeHeader('Content-Type').removeHeader('Content-Length').send();
  }
  if (statusCode === 304) return reply.send(stream);
  // The type of the file itself, not of its `.br` copy; `text/javascript` for scripts (RFC 9239).
  void reply.header('Content-Type', contentType(file.extension) || 'application/octet-stream');
  if (encoding) void reply.header('Content-Encoding', encoding);
  return reply.send(stream);
}
