import Fastify, { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { createRootLogger, currentLogger, outcomeMessage, useRequestLogging } from './request-logging';

describe('a request outcome line', () => {
  it('names the status sent and the time taken, without the query', () => {
    expect(
      outcomeMessage({ method: 'GET', url: '/api/jobs?q=private' }, { statusCode: 404, writableFinished: true }, 12.4),
    ).toBe('GET /api/jobs 404 12 ms');
  });

  it('says the connection closed before the answer was complete, not a status that may never have been sent', () => {
    const message = outcomeMessage(
      { method: 'POST', url: '/api/auth/login' },
      { statusCode: 200, writableFinished: false },
      30_000,
    );
    expect(message).toBe('POST /api/auth/login: the connection closed before the answer was complete, after 30000 ms');
    expect(message).not.toContain('200');
  });
});

describe('the request log, on a real server', () => {
  let app: FastifyInstance;
  let url: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text));
        done();
      },
    });
    const root = createRootLogger({ level: 'info', destination: sink });
    app = Fastify();
    useRequestLogging(app, root);
    app.get('/api/ok', async () => {
      currentLogger(root).info({ password: 'hunter2' }, 'inside the request');
      currentLogger(root).info('and again');
      return { ok: true };
    });
    app.get('/api/boom', async (_request, reply) => reply.code(500).send({ error: 'boom' }));
    app.get('/api/refused', async (_request, reply) => reply.code(401).send({ error: 'sign in' }));
    app.get('/api/health', async () => ({ status: 'ok' }));
    app.get('/api/partial', (_request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/csv' });
      reply.raw.write('a,b\n');
      setTimeout(() => reply.raw.destroy(new Error('the export failed part-way')), 10);
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(() => app.close());

  let requests = 0;

  /** The outcome lines of one request, sent with an id of its own (or the one given). */
  async function outcomeOf(path: string, requestId = `test-request-${++requests}`) {
    // A cut-off answer rejects: what matters here is the line the server writes.
    await fetch(`${url}${path}`, { headers: { 'x-request-id': requestId } })
      .then((response) => response.text())
      .catch(() => null);
    // The line is written on the response's `close`, a moment after the caller has the answer.
    for (let tries = 0; tries < 250; tries++) {
      const found = lines.filter(
        (line) => (line['req'] as { id?: string } | undefined)?.id === requestId && 'res' in line,
      );
      if (found.length > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return [];
  }

  it('writes one line for an answer, with the caller’s request id, and ties the lines written meanwhile to it', async () => {
    const outcome = await outcomeOf('/api/ok', 'trace-0001-abc');
    expect(outcome).toEqual([
      expect.objectContaining({
        level: 'info',
        req: { id: 'trace-0001-abc', method: 'GET', path: '/api/ok' },
        res: { statusCode: 200 },
        msg: expect.stringMatching(/^GET \/api\/ok 200 \d+ ms$/),
      }),
    ]);
    const inside = lines.filter((line) => line['msg'] === 'inside the request' || line['msg'] === 'and again');
    expect(inside.map((line) => (line['req'] as { id: string }).id)).toEqual(['trace-0001-abc', 'trace-0001-abc']);
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it('writes a server error at error and a refusal at warn', async () => {
    expect((await outcomeOf('/api/boom')).map((line) => line['level'])).toEqual(['error']);
    expect((await outcomeOf('/api/refused')).map((line) => line['level'])).toEqual(['warn']);
  });

  it('writes an answer the server itself cut off as an error, with the error', async () => {
    const [line] = await outcomeOf('/api/partial');
    expect(line).toMatchObject({
      level: 'error',
      res: { statusCode: 200 },
      err: { message: 'the export failed part-way' },
    });
  });

  it('writes no line for the health check', async () => {
    await fetch(`${url}/api/health`);
    // A request after it, whose line is written once the health check's would have been.
    expect(await outcomeOf('/api/refused')).toHaveLength(1);
    expect(lines.some((line) => (line['req'] as { path?: string } | undefined)?.path === '/api/health')).toBe(false);
  });
});
