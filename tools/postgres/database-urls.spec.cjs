'use strict';

const urls = require('./database-urls.cjs');

describe('database names and URLs', () => {
  it('names a fresh database after its purpose and the time, with a suffix for parallel runs', () => {
    const name = urls.freshDatabaseName('e2e', new Date('2026-12-02T09:30:05.123Z'), 'a1b2c3');
    expect(name).toBe('heardback_e2e_20261202093005_a1b2c3');
  });

  it('gives a random six-hex suffix when none is given', () => {
    expect(urls.freshDatabaseName('test')).toMatch(/^heardback_test_\d{14}_[0-9a-f]{6}$/);
  });

  it('finds leftover databases of one purpose only, with LIKE wildcards escaped', () => {
    expect(urls.leftoverDatabasePattern('test')).toBe('heardback\\_test\\_%');
  });

  it('builds the embedded URL with its fixed user and an encoded database name', () => {
    expect(urls.embeddedUrl(54339, 'a b')).toBe('postgres://postgres:heardback@127.0.0.1:54339/a%20b');
  });

  it('swaps the database of a URL and keeps credentials and query', () => {
    expect(urls.withDatabase('postgres://u:p@db.example:6543/app?sslmode=require', 'postgres')).toBe(
      'postgres://u:p@db.example:6543/postgres?sslmode=require',
    );
  });

  it('reads the database of a URL, or says it is the default', () => {
    expect(urls.databaseOf('postgres://u@h/heard%20back')).toBe('heard back');
    expect(urls.databaseOf('postgres://u@h')).toBe('(default)');
  });

  it('describes the server as host:port, 5432 when the URL has none', () => {
    expect(urls.serverOf('postgres://u@10.0.0.5/app')).toBe('10.0.0.5:5432');
    expect(urls.serverOf('postgres://u@10.0.0.5:6000/app')).toBe('10.0.0.5:6000');
    expect(() => urls.serverOf('not a url')).toThrow();
  });

  it('hides the password of a URL it prints', () => {
    expect(urls.redact('postgres://u:secret@h:5432/app')).toBe('postgres://u:***@h:5432/app');
    expect(urls.redact('postgres://u@h/app')).toBe('postgres://u@h/app');
    expect(urls.redact('::')).toBe('(invalid URL)');
  });

  it('quotes identifiers, doubling embedded quotes', () => {
    expect(urls.quoteIdent('heardback_test_1')).toBe('"heardback_test_1"');
    expect(urls.quoteIdent('a"b')).toBe('"a""b"');
  });

  it('reads a port from the environment, falling back when unset or empty', () => {
    expect(urls.envPort({}, 'EMBEDDED_PG_PORT', 54329)).toBe(54329);
    expect(urls.envPort({ EMBEDDED_PG_PORT: '' }, 'EMBEDDED_PG_PORT', 54329)).toBe(54329);
    expect(urls.envPort({ EMBEDDED_PG_PORT: '55000' }, 'EMBEDDED_PG_PORT', 54329)).toBe(55000);
  });

  it.each(['0', '65536', '12.5', 'abc', '-1'])('refuses %s as a port and names the variable', (raw) => {
    expect(() => urls.envPort({ EMBEDDED_PG_PORT: raw }, 'EMBEDDED_PG_PORT', 1)).toThrow(
      `EMBEDDED_PG_PORT must be a TCP port number (got "${raw}")`,
    );
  });

  it('keeps test databases only when KEEP_TEST_DATABASE is exactly true', () => {
    expect(urls.keepTestDatabase({ KEEP_TEST_DATABASE: 'true' })).toBe(true);
    expect(urls.keepTestDatabase({ KEEP_TEST_DATABASE: '1' })).toBe(false);
    expect(urls.keepTestDatabase({})).toBe(false);
  });
});
