import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app/app.module';
import { loadConfig } from './config/app-config';
import { migrateOrCheckSchema } from './database/schema-at-start';
import { AgencySimulation } from './simulation/agency-simulation';
import { SeededRandom, SimulatedClock } from './simulation/simulated-clock';
import { formatReport, measure } from './simulation/simulation-report';

const DAY = 86_400_000;

/**
 * `npm run simulate` (tools/simulate.mjs provisions a fresh database and runs this): several
 * simulated weeks of an agency on the real services, then the measures of the promise.
 */
async function main(): Promise<void> {
  const weeks = Number(process.env['SIMULATION_WEEKS'] ?? 6);
  const seed = Number(process.env['SIMULATION_SEED'] ?? 42);
  const config = {
    ...loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      MAIL_DIR: mkdtempSync(join(tmpdir(), 'heardback-simulation-mail-')),
    }),
    runBackground: false,
  };
  // The simulated weeks end now, so every simulated moment is in the database's past too.
  const start = new Date(Date.now() - weeks * 7 * DAY);
  start.setUTCHours(0, 0, 0, 0);
  const clock = new SimulatedClock(start);
  // Before the app: its start-up hooks (the score's calendar) write to tables the migrations make.
  await migrateOrCheckSchema({ ...config, runMigrations: true });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, clock), {
    logger: ['error', 'warn'],
  });
  const dataSource = app.get(DataSource);
  const started = Date.now();
  const simulation = new AgencySimulation(app, clock, new SeededRandom(seed), config.calendar, {
    weeks,
    jobs: 12,
    candidatesPerDay: 6,
  });
  const summary = await simulation.run();
  const report = await measure(dataSource, clock.now(), config.calendar);
  console.log(
    `\n${formatReport(report, summary)}\n(seed ${seed}; ran in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  await app.close();
}

main().catch((error: unknown) => {
  new Logger('Simulation').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
