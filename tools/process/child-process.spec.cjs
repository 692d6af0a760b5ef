'use strict';

const { EventEmitter } = require('node:events');
const { exitCodeOf, exited, isRunning, stopChild } = require('./child-process.cjs');

/** A stand-in for a ChildProcess: records kill() and exits when told. */
function fakeChild() {
  /** @type {string[]} */
  const signals = [];
  const emitter = Object.assign(new EventEmitter(), {
    /** @type {number | null} */ exitCode: null,
    /** @type {string | null} */ signalCode: null,
    /** @param {string} signal */
    kill(signal) {
      signals.push(signal);
      return true;
    },
  });
  /** @param {number | null} code @param {string | null} signal */
  const finish = (code, signal) => {
    emitter.exitCode = code;
    emitter.signalCode = signal;
    emitter.emit('exit', code, signal);
  };
  const child = /** @type {import('node:child_process').ChildProcess} */ (/** @type {unknown} */ (emitter));
  return { child, signals, finish };
}

describe('child processes', () => {
  it('reports exit codes the way a shell does', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(3, null)).toBe(3);
    expect(exitCodeOf(null, 'SIGINT')).toBe(130);
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143);
    expect(exitCodeOf(null, null)).toBe(0);
  });

  it('is running until it has an exit code or a signal', () => {
    expect(isRunning({ exitCode: null, signalCode: null })).toBe(true);
    expect(isRunning({ exitCode: 0, signalCode: null })).toBe(false);
    expect(isRunning({ exitCode: null, signalCode: 'SIGKILL' })).toBe(false);
  });

  it('resolves at once for a child that already exited', async () => {
    const { child, finish } = fakeChild();
    finish(2, null);
    await expect(exited(child)).resolves.toEqual({ code: 2, signal: null });
  });

  it('counts a child that could not start as exit code 1 and says why', async () => {
    const { child } = fakeChild();
    /** @type {string[]} */
    const errors = [];
    const done = exited(child, (error) => errors.push(error.message));
    child.emit('error', new Error('spawn ENOENT'));
    await expect(done).resolves.toEqual({ code: 1, signal: null });
    expect(errors).toEqual(['spawn ENOENT']);
  });

  it('stops a child with the signal given', async () => {
    const { child, signals, finish } = fakeChild();
    const stopping = stopChild(child, 'SIGINT', 1000);
    expect(signals).toEqual(['SIGINT']);
    finish(null, 'SIGINT');
    await expect(stopping).resolves.toEqual({ code: null, signal: 'SIGINT' });
  });

  it('kills a child that does not stop in time', async () => {
    jest.useFakeTimers();
    try {
      const { child, signals, finish } = fakeChild();
      const onKill = jest.fn();
      const stopping = stopChild(child, 'SIGTERM', 15_000, onKill);
      jest.advanceTimersByTime(15_000);
      expect(signals).toEqual(['SIGTERM', 'SIGKILL']);
      expect(onKill).toHaveBeenCalledTimes(1);
      finish(null, 'SIGKILL');
      await expect(stopping).resolves.toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      jest.useRealTimers();
    }
  });
});
