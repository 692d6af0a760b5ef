// Installs Playwright's Chromium only when there is no system Chromium for playwright.config.mts to use.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

if (existsSync(chromiumPath)) {
  console.log(`Using Chromium at ${chromiumPath}`);
} else {
  console.log(`No Chromium at ${chromiumPath}; installing Playwright's Chromium`);
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
