'use strict';

const { isProcessAlive, processStateOf } = require('./pids.cjs');

describe('processes by PID', () => {
  it('reads the state from /proc/<pid>/stat even when the command name has spaces and parentheses', () => {
    expect(processStateOf('123 (postgres) S 1 123 123 0')).toBe('S');
    expect(processStateOf('123 (a (weird) name) Z 1 123')).toBe('Z');
    expect(processStateOf('garbage')).toBe('');
  });

  it('sees this process alive and a PID nobody has as gone', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 22 + 1)).toBe(false);
  });
});
