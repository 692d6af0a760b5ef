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
  /** While set, the next message is read but not answered (until `releaseHeld`): the sender waits for its 250. */
  holdNext = false;
  /** SMTP connections opened so far: a pooled sender opens a few and reuses them. */
  connections = 0;
  private heldCount = 0;
  private onHeld: (() => void) | null = null;
  private readonly held: (() => void)[] = [];
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          if (this.refusing) {
            const refusal = Object.assign(new Error('4.3.2 Busy, try again later'), { responseCode: 451 });
            return callback(refusal);
          }
          const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '';
          const accept = () => {
            this.received.push({ messageId, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
            callback();
          };
          if (this.holdNext) {
            this.holdNext = false;
            this.heldCount++;
            this.held.push(accept);
            this.onHeld?.();
            return; // not answered until released
          }
          accept();
        });
      },
    });
  }

  async start(): Promise<string> {
    // A sender killed mid-message resets its connection; that is what such tests do, not a failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Resolves when a message has been read and is being held unanswered. */
  waitForHeld(): Promise<void> {
    if (this.heldCount > 0) return Promise.resolve();
    return new Promise((resolve) => (this.onHeld = resolve));
  }

  /** Answers the held messages with 250, as a slow server finally does. */
  releaseHeld(): void {
    for (const accept of this.held.splice(0)) accept();
  }

  messageIds(): string[] {
    return this.received.map((mail) => mail.messageId);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
