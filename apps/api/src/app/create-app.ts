import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@heardback/contracts';
import { systemClock } from '@heardback/domain';
import cookieParser from 'cookie-parser';
import type { Server } from 'node:http';
import { xsrfProtection } from '../auth/xsrf-protection';
import { AppConfig } from '../config/app-config';
import { fileOffsetClock } from '../config/test-clock';
import { DemoClock } from '../demo/demo-clock';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { createValidationPipe } from '../errors/api-validation.pipe';
import { NulBytePipe } from '../errors/nul-byte.pipe';
import { servePortal } from '../portal-hosting/serve-portal';
import { createRootLogger, PinoNestLogger, requestLogging } from '../logging/request-logging';
import { MetricsService } from '../metrics/metrics.service';
import { DatabaseOutage } from '../resilience/database-outage';
import { RequestGate } from '../resilience/request-gate';
import { AppModule } from './app.module';
import { acceptJsonBodiesOnly } from './request-bodies';
import { compressApiResponses } from './response-compression';
import { useSecurityHeaders } from './security-headers';

/** Builds the whole HTTP application; main.ts decides when to migrate, seed and listen. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const rootLogger = createRootLogger({ level: config.logLevel });
  const present = config.testClockFile ? fileOffsetClock(config.testClockFile) : systemClock;
  // With demo data, the loader dates the demo's history in the past (ADR 0071); nothing else sees a difference.
  const clock = config.demoData ? new DemoClock(present) : present;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), {
    logger: new PinoNestLogger(rootLogger),
    // No default parsers: acceptJsonBodiesOnly registers the one the API accepts.
    bodyParser: false,
  });
  app.disable('x-powered-by');
  // The API's answers are never stored (Cache-Control: no-store), so nothing revalidates them: hashing
  // every body for an ETag was waste (ADR 0053). A function, not `false`: Express hands the setting's
  // truth to `send`, so the portal's files keep their ETag (size and date) and a rolled-back
  // index.html is not taken for the newer one a browser holds.
  app.set('etag', noBodyEtag);
  // Only then does request.ip (what the per-client rate limits count by) follow X-Forwarded-For.
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.use(requestLogging(rootLogger));
  app.use(app.get(MetricsService).middleware);
  const gate = app.get(RequestGate);
  app.use(gate.middleware);
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = config.resilience.keepAliveTimeoutMs;
  server.headersTimeout = config.resilience.keepAliveTimeoutMs + 1_000;
  useSecurityHeaders(app, { production: config.nodeEnv === 'production' });
  app.use(compressApiResponses());
  app.use(cookieParser());
  app.use(xsrfProtection({ secureCookies: config.secureCookies }));
  acceptJsonBodiesOnly(app);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new NulBytePipe(), createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter(app.get(DatabaseOutage)));
  // No enableShutdownHooks: main.ts drains requests before closing (resilience/graceful-shutdown.ts).

  // The API's map is for developers: in production it would hand an attacker every route and field.
  if (config.nodeEnv !== 'production') serveApiDocs(app);

  // Registered before Nest adds its routes, but it steps aside for every /api path at once.
  servePortal(app, config.portalDir);
  return app;
}

const noBodyEtag = (): undefined => undefined;

function serveApiDocs(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Heardback API')
      .setDescription('Every candidate hears back, on time, in words.')
      .setVersion('0.1.0')
      .addCookieAuth('hb_session')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}
