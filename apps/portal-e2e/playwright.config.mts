import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';
import { workspaceRoot } from '@nx/devkit';

/**
 * The e2e server (tools/e2e-server.mjs) starts the built API on this port with a fresh database
 * and demo data; the API also serves the built portal, so one origin is the whole product.
 */
const port = process.env['E2E_PORT'] ?? '4300';
const baseURL = `http://localhost:${port}`;

/**
 * Where the API writes its emails (.eml files), so a journey can follow a link from one. Set here,
 * where both the test runner and the e2e server it starts read it.
 */
const mailDir = (process.env['E2E_MAIL_DIR'] ??= join(workspaceRoot, 'tmp', `e2e-mail-${port}`));

/** Use the system Chromium when there is one; otherwise the e2e target installs Playwright's own. */
const chromiumPath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

const preset = nxE2EPreset(import.meta.dirname, {
  testDir: './src',
  openHtmlReport: 'never',
});

export default defineConfig({
  ...preset,
  fullyParallel: false,
  retries: 0,
  workers: 1,
  reporter: [['list'], ...preset.reporter],
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node tools/e2e-server.mjs',
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: port, MAIL_DIR: mailDir },
    reuseExistingServer: false,
    timeout: 180_000,
    // Lets the e2e server stop the API and drop its database instead of being SIGKILLed.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    cwd: workspaceRoot,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
