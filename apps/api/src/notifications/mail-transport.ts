import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect, Socket } from 'node:net';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CalendarAttachment } from './interview-invite';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per notification, so a receiving server can recognise a resend. */
  messageId: string;
  calendar?: CalendarAttachment | null;
}

const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * Opens the pool's TCP connections with Nagle's algorithm off. nodemailer leaves it on, so the end of
 * each message (`.`) waits for the server to acknowledge its body, which a server delays by up to
 * 40 ms: one message per 50 ms per connection, even on loopback (ADR 0023). nodemailer still does
 * the SMTP and, for smtps://, the TLS on this socket.
 */
function connectWithoutDelay(
  options: SMTPPool.Options,
  done: (error: Error | null, socketOptions: { connection: Socket } | false) => void,
): void {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const socket = connect({ host: options.host ?? 'localhost', port, noDelay: true });
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    socket.removeListener('error', settle);
    if (error) socket.destroy();
    done(error, error ? false : { connection: socket });
  };
  const timer = setTimeout(
    () => settle(new Error(`Could not connect to the mail server within ${CONNECTION_TIMEOUT_MS / 1000} s`)),
    CONNECTION_TIMEOUT_MS,
  );
  socket.once('error', settle);
  socket.once('connect', () => settle(null));
}

/** maxRequeues is read by nodemailer's pool but missing from its types. */
function poolOptions(url: string, config: AppConfig): SMTPPool.Options & { maxRequeues: number } {
  return {
    url,
    pool: true,
    maxConnections: config.mail.smtpConnections,
    maxMessages: config.mail.messagesPerConnection,
    // A message whose connection drops mid-send is tried once more on another, then fails to the
    // outbox's own retries; never resent by the pool for ever while its lease is kept alive.
    maxRequeues: 1,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    getSocket: connectWithoutDelay,
  };
}

/**
 * Sends mail over SMTP when SMTP_URL is set; otherwise writes each message as an .eml file
 * under MAIL_DIR, so a demo shows exactly what candidates would receive. SMTP connections are
 * pooled (ADR 0023): a few kept open and reused, instead of a connection and handshake per message;
 * sends beyond the pool's size wait in its queue.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // The pool itself, not `createTransport({ url, ... })`: given a `url`, createTransport reads nothing
    // else, so `pool` and the timeouts would be silently dropped; SMTPPool merges the URL into them.
    this.transporter = config.mail.smtpUrl
      ? createTransport(new SMTPPool(poolOptions(config.mail.smtpUrl, config)))
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const warning = fileMailWarning(config);
    if (warning) new Logger('Mail').warn(warning);
  }

  get usesSmtp(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.config.mail.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
      // A text/calendar alternative part, which mail clients offer to add to the calendar.
      ...(message.calendar
        ? {
            icalEvent: {
              method: message.calendar.method,
              filename: 'interview.ics',
              content: message.calendar.content,
            },
          }
        : {}),
    });
    if (!this.usesSmtp) {
      await mkdir(this.config.mail.dir, { recursive: true });
      const safeId = message.messageId.replace(/[^\w.-]+/g, '_');
      await writeFile(
        join(this.config.mail.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeId}.eml`),
        info.message as Buffer,
      );
    }
  }

  /** After the sender has finished its batch (it stops before shutdown), so no queued message is cut off. */
  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

/**
 * In production without SMTP_URL every email is a file on this machine, and the keys in them (finishing
 * a registration, a new password, a client's review link) with it: right for a demo on one's own machine,
 * wrong once real people use it. Said once at start, so whoever runs it knows.
 */
export function fileMailWarning(config: Pick<AppConfig, 'nodeEnv' | 'mail'>): string | null {
  if (config.nodeEnv !== 'production' || config.mail.smtpUrl !== null) return null;
  return (
    `No SMTP_URL: every email, with the sign-in and review links in it, is written as a file to ${config.mail.dir} ` +
    'and sent to no one. Right for a demo on this machine; set SMTP_URL before real people use it.'
  );
}
