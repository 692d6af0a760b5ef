import { outcomeMessage } from './request-logging';

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
