import { Logger } from '@nestjs/common';
import { networkInterfaces } from 'node:os';
import { DEMO_MODE_WARNING } from '@heardback/contracts';
import { calendarDateIn } from '@heardback/domain';
import { createApp } from './app/create-app';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { holidaysWarning } from './config/env-values';
import { limitHeapGrowth } from './config/heap-growth';
import { migrateOrCheckSchema } from './database/schema-at-start';
import { DemoDataLoader } from './demo/demo-data.loader';
import { DemoLogins } from './demo/demo-logins';
import { shutDownGracefullyOn } from './resilience/graceful-shutdown';

async function bootstrap(config: AppConfig): Promise<void> {
  limitHeapGrowth();
  const applied = await migrateOrCheckSchema(config);
  const app = await createApp(config);
  // Logged once the app's logger (JSON lines) is in place.
  const logger = new Logger('Heardback');
  if (config.runMigrations) {
    logger.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  }
  shutDownGracefullyOn(['SIGTERM', 'SIGINT'], app, config.resilience);
  if (config.demoData) {
    await app.get(DemoDataLoader).loadIntoEmptyDatabase();
  }
  // Whether or not demo data was asked for this time: a database loaded earlier keeps its demo logins.
  if (await app.get(DemoLogins).remain()) {
    logger.warn(DEMO_MODE_WARNING);
  }
  const noHolidays = holidaysWarning(config.calendar.holidays, calendarDateIn(new Date(), config.calendar.timeZone));
  if (noHolidays) logger.warn(noHolidays);
  // Every interface, as Node listens when no host is named (Fastify's own default is localhost only).
  await app.listen(config.port, listenHost());
  logger.log(`Heardback is listening on http://localhost:${config.port} (API under /api, docs at /api/docs)`);
}

/** `::` takes IPv4 too where the machine has IPv6; without it, `0.0.0.0`. */
function listenHost(): string {
  const ipv6 = Object.values(networkInterfaces()).some((addresses) =>
    addresses?.some((address) => address.family === 'IPv6'),
  );
  return ipv6 ? '::' : '0.0.0.0';
}

let config: AppConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}

bootstrap(config).catch((error: unknown) => {
  console.error('Heardback could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
