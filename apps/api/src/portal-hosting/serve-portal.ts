import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isApiPath } from '../app/api-path';
import { chooseEncoding } from './accept-encoding';
import { listPortalFiles, PortalFile } from './portal-files';

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
export function servePortal(app: NestExpressApplication, portalDir: string): void {
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

  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    const file = files.get(request.path);
    if (file) return sendPortalFile(request, response, next, file, portalDir);
    if (namesAFile(request.path) || request.accepts(['html', 'json']) !== 'html') return next();
    sendPortalFile(request, response, next, index, portalDir);
  });
}

/** A path whose last segment has an extension (`/chunk-AB12.js`) names a file; the portal's routes have none. */
function namesAFile(path: string): boolean {
  return /\.[A-Za-z0-9]{1,10}$/.test(path.slice(path.lastIndexOf('/') + 1));
}

function sendPortalFile(
  request: Request,
  response: Response,
  next: NextFunction,
  file: PortalFile,
  portalDir: string,
): void {
  const encoding = chooseEncoding(request.headers['accept-encoding'], new Set(file.encoded.keys()));
  response.vary('Accept-Encoding');
  response.setHeader('Cache-Control', file.cacheControl);
  // The type of the file itself, not of its `.br` copy; `send` keeps a Content-Type already set.
  response.type(file.extension);
  if (encoding) response.setHeader('Content-Encoding', encoding);
  const stored = encoding ? (file.encoded.get(encoding) as string) : file.path;
  // `root` rather than an absolute path: the portal directory may sit under a dot-directory
  // (`send` refuses dotfiles in the path it is given, but not in its root).
  response.sendFile(stored, { root: portalDir, cacheControl: false }, (error?: Error) => {
    // An aborted download after the headers went out is not an error to report.
    if (error && !response.headersSent) next(error);
  });
}
