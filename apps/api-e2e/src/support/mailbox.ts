import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReceivedMail {
  file: string;
  to: string;
  subject: string;
  body: string;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parse(file: string, raw: string): ReceivedMail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  const encoded = rest.join('\n\n');
  const body = /quoted-printable/i.test(header('Content-Transfer-Encoding'))
    ? decodeQuotedPrintable(encoded)
    : /base64/i.test(header('Content-Transfer-Encoding'))
      ? Buffer.from(encoded, 'base64').toString('utf8')
      : encoded;
  return { file, to: header('To'), subject: header('Subject'), body };
}

/** The .eml files the API's file transport wrote to MAIL_DIR, oldest first (the names start with the time). */
export class Mailbox {
  constructor(readonly dir: string) {}

  async all(): Promise<ReceivedMail[]> {
    const files = (await readdir(this.dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
    return Promise.all(files.map(async (file) => parse(file, await readFile(join(this.dir, file), 'utf8'))));
  }

  async to(address: string): Promise<ReceivedMail[]> {
    return (await this.all()).filter((mail) => mail.to.toLowerCase().includes(address.toLowerCase()));
  }

  /** Waits until `address` has received `count` messages, and returns them. */
  async waitFor(address: string, count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = await this.to(address);
      if (mails.length >= count) return mails;
      if (Date.now() > deadline) {
        throw new Error(`${address} received ${mails.length} of ${count} messages: ${mails.map((m) => m.subject)}`);
      }
      await new Promise((next) => setTimeout(next, 200));
    }
  }
}

/** The token in the first link to `path` in a message. */
export function tokenFrom(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${path}\\?token=([\\w%-]+)`).exec(mail.body);
  if (!match) throw new Error(`No ${path} link in "${mail.subject}":\n${mail.body}`);
  return decodeURIComponent(match[1]);
}

/** A raw message as an SMTP server received it (TestSmtpServer), decoded like the .eml files above. */
export function parseRawMail(raw: string): ReceivedMail {
  return parse('', raw);
}
