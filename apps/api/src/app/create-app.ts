import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@heardback/contracts';
import { systemClock } from '@heardback/domain';
import { xsrfProtection } from '../auth/xsrf-protection';
import { AppConfig } from '../config/app-config';
import { fileOffsetClock } from '../config/test-clock';
import { DemoClock } from '../demo/demo-clock';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { createValidationPipe } from '../errors/api-validation.pipe';
import { RepeatedQueryPipe } from '../errors/repeated-query.pipe';
import { UnstorableTextPipe } from '../errors/unstorable-text.pipe';
import { servePortal } from '../portal-hosting/serve-portal';
import { createRootLogger, PinoNestLogger, useRequestLogging } from '../logging/request-logging';
import { MetricsService } from '../metrics/metrics.service';
import { DatabaseOutage } from '../resilience/database-outage';
import { RequestGate } from '../resilience/request-gate';
import { AppModule } from './app.module';
import { acceptJsonBodiesOnly, MAX_JSON_BODY_BYTES } from './request-bodies';
import { frameworkRefusals } from './framework-refusals';
import { compressApiResponses } from './response-compression';
import { useSecurityHeaders } from './security-headers';

/**
 * Builds the whole HTTP application; main.ts decides when to migrate, seed and listen.
 * On Fastify (ADR 0072): every step a request passes is one of its hooks, in this order.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const rootLogger = createRootLogger({ level: config.logLevel });
  const present = config.testClockFile ? fileOffsetClock(config.testClockFile) : systemClock;
  // With demo data, the loader dates the demo's history in the past (ADR 0071); nothing else sees a difference.
  const clock = config.demoData ? new DemoClock(present) : present;
  const refusals = frameworkRefusals(rootLogger, { production: config.nodeEnv === 'production' });
  const adapter = new FastifyAdapter({
    // Only then does request.ip (what the per-client rate limits count by) follow X-Forwarded-For.
    trustProxy: config.trustProxy === false ? false : config.trustProxy,
    bodyLimit: MAX_JSON_BODY_BYTES,
    keepAliveTimeout: config.resilience.keepAliveTimeoutMs,
    // Node's own limit on receiving a whole request, which Fastify's default of 0 would turn off: a client
    // sending its body a byte at a time cannot hold a connection for longer.
    requestTimeout: 300_000,
    // The request log is ours (request-logging.ts); the API has no Nest middleware for middie to run.
    logger: false,
    skipMiddie: true,
    // As Express routed, so every check keyed on "the API" agrees with the router (api-path.ts): '/API/jobs'
    // and '/api/jobs/' are '/api/jobs' (parameters keep their case). A token in a path is longer than Fastify's
    // default of 100 characters.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 1_000 },
    // What Fastify refuses before any hook runs gets the API's shape and headers, not Fastify's own.
    frameworkErrors: refusals.frameworkErrors,
    clientErrorHandler: refusals.clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, {
    logger: new PinoNestLogger(rootLogger),
    // No default parsers: acceptJsonBodiesOnly registers the one the API accepts.
    bodyParser: false,
  });
  const instance = app.getHttpAdapter().getInstance();
  const server = app.getHttpServer();
  server.headersTimeout = config.resilience.keepAliveTimeoutMs + 1_000;

  useRequestLogging(instance, rootLogger);
  instance.addHook('onResponse', app.get(MetricsService).onResponse);
  // Before the gate, so its 503s carry the security headers and no-store too.
  useSecurityHeaders(instance, { production: config.nodeEnv === 'production' });
  instance.addHook('onRequest', app.get(RequestGate).onRequest);
  await compressApiResponses(instance);
  await instance.register(fastifyCookie);
  instance.addHook('onRequest', xsrfProtection({ secureCookies: config.secureCookies }));
  acceptJsonBodiesOnly(instance);
  // Only the CV upload reads multipart (isDocumentUpload); the limits are set where it is read.
  await instance.register(fastifyMultipart);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new UnstorableTextPipe(), new RepeatedQueryPipe(), createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter(app.get(DatabaseOutage)));
  // No enableShutdownHooks: main.ts drains requests before closing (resilience/graceful-shutdown.ts).

  // The API's map is for developers: in production it would hand an attacker every route and field.
  if (config.nodeEnv !== 'production') serveApiDocs(app);

  // A catch-all route: the router tries it only for what no route of the API matches.
  servePortal(instance, config.portalDir);
  return app;
}

function serveApiDocs(app: NestFastifyApplication): void {
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
