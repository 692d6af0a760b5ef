'use strict';

const { describeError, once, seconds, withTimeout } = require('./timing.cjs');

describe('timing', () => {
  it('says how long something took, in seconds with one decimal', () => {
    expect(seconds(1000, 3460)).toBe('2.5 s');
  });

  it('runs a once-function a single time, however often it is called', async () => {
    const fn = jest.fn(async () => undefined);
    const release = once(fn);
    await Promise.all([release(), release()]);
    await release();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('gives up on a promise that takes too long, with the message given', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'too slow')).rejects.toThrow('too slow');
    await expect(withTimeout(Promise.resolve(7), 1000, 'too slow')).resolves.toBe(7);
  });

  it('describes errors in one line, and an undefined rejection as postgres exiting', () => {
    expect(describeError(new Error('nope'))).toBe('nope');
    expect(describeError('text')).toBe('text');
    expect(describeError(undefined)).toBe('postgres exited');
  });
});
