import { AddressInfo, Server, Socket, createConnection, createServer } from 'node:net';

/**
 * A TCP proxy between an API process and PostgreSQL that a test can break as a real network or
 * server fault would: `cut` (a restart: every connection reset, new ones refused), `freeze` (a host
 * that stops answering: connections stay open, nothing passes) and `restore`.
 */
export class TcpFaultProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  private mode: 'open' | 'cut' | 'frozen' = 'open';

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Starts listening; returns the port to connect to instead of PostgreSQL's. */
  async start(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((listening) => this.server?.listen(0, '127.0.0.1', listening));
    return (this.server.address() as AddressInfo).port;
  }

  /** As a database restart: every open connection is reset and new ones are refused. */
  cut(): void {
    this.mode = 'cut';
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  /** As a frozen host: connections stay open but nothing passes either way. */
  freeze(): void {
    this.mode = 'frozen';
    for (const [client, upstream] of this.pairs) {
      client.pause();
      upstream.pause();
    }
  }

  restore(): void {
    this.mode = 'open';
    for (const [client, upstream] of this.pairs) {
      client.resume();
      upstream.resume();
    }
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((closed) => this.server?.close(closed));
  }

  private accept(client: Socket): void {
    if (this.mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    // After pipe(), which starts the flow: a connection opened during a freeze passes nothing either.
    if (this.mode === 'frozen') {
      client.pause();
      upstream.pause();
    }
    const forget = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
  }
}

/** DATABASE_URL with its host and port replaced by the proxy's. */
export function throughProxy(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}
