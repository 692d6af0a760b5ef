import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The newest email to `address` (subject `subject`, when given) in which `find` finds something, once the API wrote it. */
async function findInEmail(
  address: string,
  subject: string | null,
  find: (text: string) => string | null,
  timeoutMs: number,
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
      if (!text.toLowerCase().includes(`to: ${address.toLowerCase()}`)) continue;
      if (subject !== null && !text.includes(`Subject: ${subject}`)) continue;
      const found = find(text);
      if (found) return found;
    }
    if (Date.now() > deadline) throw new Error(`No ${subject ? `"${subject}" ` : ''}email to ${address} in ${dir}`);
    await new Promise((next) => setTimeout(next, 500));
  }
}

/** The link to `path` in the newest email to `address` whose subject is `subject`, once the API has written it. */
export function linkFromEmail(address: string, subject: string, path: string, timeoutMs = 60_000): Promise<string> {
  const link = new RegExp(`https?://[^\\s]+${path}\\?token=[\\w%-]+`);
  return findInEmail(address, subject, (text) => link.exec(text)?.[0] ?? null, timeoutMs);
}

/**
 * The link to `path` carrying its token in the fragment (`path#token`, never sent to a server) in
 * the newest email to `address` that has one.
 */
export function fragmentLinkFromEmail(address: string, path: string, timeoutMs = 60_000): Promise<string> {
  const link = new RegExp(`https?://[^\\s]+${path}#[\\w-]+`);
  return findInEmail(address, null, (text) => link.exec(text)?.[0] ?? null, timeoutMs);
}

/** The text of the newest email to `address` whose subject is `subject`, once the API has written it. */
export function emailTo(address: string, subject: string, timeoutMs = 60_000): Promise<string> {
  return findInEmail(address, subject, (text) => text, timeoutMs);
}

/** The subjects of every email written to `address` so far, oldest first. */
export async function subjectsOfEmailsTo(address: string): Promise<string[]> {
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: see playwright.config.mts');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
  const subjects: string[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    if (!text.toLowerCase().includes(`to: ${address.toLowerCase()}`)) continue;
    const subject = /^Subject: (.*)$/m.exec(text)?.[1]?.trim();
    if (subject) subjects.push(subject);
  }
  return subjects;
}
