'use strict';

const dataFolder = require('./data-folder.cjs');

describe('embedded cluster files', () => {
  it('reads the PID and port of postmaster.pid', () => {
    const text = '4242\n/work/.data/postgres\n1764667200\n54329\n\n127.0.0.1\n  5432001  1\nready\n';
    expect(dataFolder.parsePostmasterPid(text)).toEqual({ pid: 4242, port: 54329 });
  });

  it('reads a truncated postmaster.pid as unknown values', () => {
    const { pid, port } = dataFolder.parsePostmasterPid('');
    expect(Number.isNaN(pid)).toBe(true);
    expect(Number.isNaN(port)).toBe(true);
  });

  it('recognises a postgres serving the data folder from its command line', () => {
    const dir = '/repo/.data/postgres';
    expect(dataFolder.isPostmasterCommandLine(['/x/bin/postgres', '-D', dir, '-p', '54329', ''], dir)).toBe(true);
    expect(dataFolder.isPostmasterCommandLine(['/x/bin/postgres', '-D', '/other', ''], dir)).toBe(false);
    expect(dataFolder.isPostmasterCommandLine(['/usr/bin/node', 'server.js'], dir)).toBe(false);
    expect(dataFolder.isPostmasterCommandLine(['/x/bin/postgres'], dir)).toBe(true);
  });

  it('keeps the owner file beside the data folder', () => {
    expect(dataFolder.ownerFile('/repo/.data/postgres')).toBe('/repo/.data/postgres.owner');
  });
});
