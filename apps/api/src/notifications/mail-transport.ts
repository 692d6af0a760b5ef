import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
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

/**
 * Sends mail over SMTP when SMTP_URL is set; otherwise writes each message as an .eml file
 * under MAIL_DIR, so a demo shows exactly what candidates would receive.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transporter = config.mail.smtpUrl
      ? createTransport({
          url: config.mail.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
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

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
