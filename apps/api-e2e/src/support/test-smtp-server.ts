import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback, started by the test. It can refuse mail for a while
 * (451, as a busy server does) or hold a message without answering, to let a sender die mid-send.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** While true, every message is refused with 451, as a busy server does. */
  refusing = false;
  /** While set, the next message is read but never answered: the sender waits for a 250 that never comes. */
  holdNext = false;
  private heldCount = 0;
  private onHeld: (() => void) | null = null;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          if (this.refusing) {
            const refusal = Object.assign(new Error('4.3.2 Busy, try again later'), { responseCode: 451 });
            return callback(refusal);
          }
          if (this.holdNext) {
            this.holdNext = false;
            this.heldCount++;
            this.onHeld?.();
            return; // never answered
          }
          const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '';
          this.received.push({ messageId, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Resolves when a message has been read and is being held unanswered. */
  waitForHeld(): Promise<void> {
    if (this.heldCount > 0) return Promise.resolve();
    return new Promise((resolve) => (this.onHeld = resolve));
  }

  messageIds(): string[] {
    return this.received.map((mail) => mail.messageId);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
