import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './background/worker.module';
import { ConfigError, loadConfig } from './config/app-config';
import { limitHeapGrowth } from './config/heap-growth';
import { migrateOrCheckSchema } from './database/schema-at-start';
import { createRootLogger, PinoNestLogger } from './logging/request-logging';

/** `npm run worker`: the job queue and the outbox sender in a process of their own. */
async function main(): Promise<void> {
  limitHeapGrowth();
  let config;
  try {
    config = { ...loadConfig(process.env), runBackground: true };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  // The worker never migrates: it waits for an API (or `npm run db:migrate`) to bring the schema up.
  await migrateOrCheckSchema({ ...config, runMigrations: false });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(createRootLogger({ level: config.logLevel })),
  });
  app.enableShutdownHooks();
  new Logger('Worker').log('Heardback worker running: deadline sweeps and outgoing mail');
}

main().catch((error: unknown) => {
  console.error('Heardback worker could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
