import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Angular's output hashing: `main-I4XMMJJA.js`, `chunk-7YXTTTPK.js`, `styles-WPAVQ2NV.css`. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css|woff2?)$/;

/**
 * In production the API serves the built portal, so the product is one process on one port.
 * Files are served as they are; any other GET outside /api that asks for HTML gets index.html,
 * so deep links into the single-page app work.
 */
export function servePortal(app: NestExpressApplication, portalDir: string): void {
  const indexFile = join(portalDir, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('Portal').warn(
      `No built portal at ${portalDir}; serving the API only. Run \`npm run build\` to build it.`,
    );
    return;
  }
  app.use(
    express.static(portalDir, {
      index: false,
      cacheControl: false,
      setHeaders: (response, path) => {
        // Built files whose names carry a content hash never change: cache them for a year.
        // Anything else (favicon, index.html) is checked again on every use.
        response.setHeader(
          'Cache-Control',
          HASHED_ASSET.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    const isPageRequest =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.path.startsWith('/api/') &&
      request.path !== '/api' &&
      request.accepts(['html', 'json']) === 'html';
    if (!isPageRequest) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}
