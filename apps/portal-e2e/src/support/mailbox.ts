import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The link to `path` in the newest email to `address` whose subject is `subject`, once the API has written it. */
export async function linkFromEmail(
  address: string,
  subject: string,
  path: string,
  timeoutMs = 60_000,
): Promise<string> {
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: see playwright.config.mts');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
    for (const file of files.reverse()) {
      const raw = await readFile(join(dir, file), 'utf8');
      const text = raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (!text.toLowerCase().includes(`to: ${address.toLowerCase()}`) || !text.includes(`Subject: ${subject}`))
        continue;
      const link = new RegExp(`https?://[^\\s]+${path}\\?token=[\\w%-]+`).exec(text);
      if (link) return link[0];
    }
    if (Date.now() > deadline) throw new Error(`No "${subject}" email to ${address} in ${dir}`);
    await new Promise((next) => setTimeout(next, 500));
  }
}
