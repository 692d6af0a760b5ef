'use strict';

const settings = require('./cluster-settings.cjs');

describe('embedded cluster settings', () => {
  it('gives each purpose its own data folder and port', () => {
    /** @type {import('./cluster-settings.cjs').Purpose[]} */
    const purposes = ['dev', 'test', 'e2e', 'schema'];
    const specs = purposes.map((purpose) => settings.clusterSpec(purpose, {}));
    expect(new Set(specs.map((spec) => spec.dir)).size).toBe(4);
    expect(new Set(specs.map((spec) => spec.port)).size).toBe(4);
    expect(settings.clusterSpec('dev', {})).toEqual({ dir: '.data/postgres', port: 54329, disposable: false });
  });

  it('lets EMBEDDED_PG_PORT move the dev cluster only', () => {
    const env = { EMBEDDED_PG_PORT: '55001' };
    expect(settings.clusterSpec('dev', env).port).toBe(55001);
    expect(settings.clusterSpec('test', env).port).toBe(54339);
  });

  it('knows its purposes and nothing else', () => {
    expect(settings.isPurpose('e2e')).toBe(true);
    expect(settings.isPurpose('prod')).toBe(false);
    expect(settings.isPurpose('toString')).toBe(false);
    expect(settings.isPurpose(undefined)).toBe(false);
  });

  it('trades durability for speed only on disposable clusters', () => {
    expect(settings.postgresFlags('127.0.0.1', false)).toEqual([
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ]);
    expect(settings.postgresFlags('127.0.0.1', true)).toEqual(
      expect.arrayContaining(['fsync=off', 'max_connections=200']),
    );
  });

  it('explains a taken port, and how to move the dev cluster', () => {
    const output = 'LOG: could not bind IPv4 address "127.0.0.1": Address already in use';
    expect(settings.startFailureHint(output, 54329, 'dev')).toBe(
      ' Port 54329 is taken by another program; set EMBEDDED_PG_PORT to another port.',
    );
    expect(settings.startFailureHint(output, 54339, 'test')).toBe(' Port 54339 is taken by another program.');
    expect(settings.startFailureHint('FATAL: something else', 54339, 'test')).toBe('');
  });

  it('keeps the last forty pieces of output and quotes the last fifteen lines', () => {
    /** @type {string[]} */
    const tail = [];
    for (let i = 1; i <= 50; i++) settings.rememberLine(tail, `line ${i}\n`);
    settings.rememberLine(tail, new Error('boom'));
    expect(tail).toHaveLength(40);
    const quoted = settings.logTail(tail).split('\n');
    expect(quoted[1]).toBe('--- postgres output (last lines) ---');
    expect(quoted.slice(2)).toHaveLength(15);
    expect(quoted.at(-1)).toBe('boom');
    expect(settings.logTail([])).toBe('');
  });
});
