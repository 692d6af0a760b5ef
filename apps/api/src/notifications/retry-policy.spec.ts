import { MAX_SEND_ATTEMPTS, retryDelaySeconds, shouldGiveUp } from './retry-policy';

describe('retry policy', () => {
  it('backs off further after each failure', () => {
    const delays = Array.from({ length: MAX_SEND_ATTEMPTS - 1 }, (_, index) => retryDelaySeconds(index + 1));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[0]).toBe(30);
  });

  it('gives up only after the last attempt', () => {
    expect(shouldGiveUp(MAX_SEND_ATTEMPTS - 1)).toBe(false);
    expect(shouldGiveUp(MAX_SEND_ATTEMPTS)).toBe(true);
  });
});
