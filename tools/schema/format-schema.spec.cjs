'use strict';

const { byBytes, describeColumn, fileNameOf, formatSchema } = require('./format-schema.cjs');

/** @returns {import('./read-schema.cjs').Column} */
const column = (/** @type {Partial<import('./read-schema.cjs').Column>} */ fields) => ({
  name: 'id',
  type: 'uuid',
  collation: null,
  notNull: false,
  default: null,
  identity: '',
  generated: '',
  ...fields,
});

/** @returns {import('./read-schema.cjs').SchemaFacts} */
const facts = () => ({
  extensions: ['uuid-ossp'],
  schemas: ['public'],
  tables: [
    {
      name: 'users',
      kind: 'table',
      columns: [
        column({ name: 'id', notNull: true, default: 'gen_random_uuid()' }),
        column({ name: 'email', type: 'text' }),
      ],
      constraints: [
        { name: 'users_pkey', definition: 'PRIMARY KEY (id)' },
        { name: 'users_email_lowercase', definition: 'CHECK ((email = lower(email)))' },
      ],
      indexes: [{ name: 'users_pkey', definition: 'CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)' }],
      triggers: [],
      options: ['fillfactor=90', 'autovacuum_enabled=true'],
    },
    { name: 'Audit', kind: 'table', columns: [column({})], constraints: [], indexes: [], triggers: [], options: [] },
  ],
  views: [],
  sequences: [],
  types: [],
  functions: [
    {
      name: 'stage_took_place(at timestamp with time zone)',
      definition: 'CREATE FUNCTION x()\n  RETURNS boolean   \n',
    },
  ],
});

describe('the schema as text', () => {
  it('sorts by bytes, not by locale: upper case before lower case', () => {
    expect(['b', 'a', 'B', '_'].sort(byBytes)).toEqual(['B', '_', 'a', 'b']);
  });

  it('describes a column with its type, collation, nullability, default and identity', () => {
    expect(describeColumn(column({ notNull: true, default: 'gen_random_uuid()' }))).toBe(
      'column id uuid not null default gen_random_uuid()',
    );
    expect(describeColumn(column({ name: 'n', type: 'bigint', notNull: true, identity: 'a' }))).toBe(
      'column n bigint not null generated always as identity',
    );
    expect(describeColumn(column({ name: 'code', type: 'text', collation: 'C', notNull: true }))).toBe(
      'column code text collate "C" not null',
    );
    expect(describeColumn(column({ name: 'g', type: 'integer', generated: 's', default: '(a + 1)' }))).toBe(
      'column g integer generated always as ((a + 1)) stored',
    );
  });

  it('writes schema.txt, then one file per table and function, in byte order of names', () => {
    expect(Object.keys(formatSchema(facts()))).toEqual([
      'function.stage_took_place.txt',
      'schema.txt',
      'table.Audit.txt',
      'table.users.txt',
    ]);
    expect(fileNameOf('table', 'audit.log "x"')).toBe('table.audit.log__x_.txt');
  });

  it('lists columns in table order, then constraints, indexes, triggers and storage settings by name', () => {
    expect(formatSchema(facts())['table.users.txt']).toBe(
      [
        '# Written by `npm run db:schema:update` from a freshly migrated database; do not edit.',
        '',
        'table users',
        '  column id uuid not null default gen_random_uuid()',
        '  column email text',
        '  constraint users_email_lowercase CHECK ((email = lower(email)))',
        '  constraint users_pkey PRIMARY KEY (id)',
        '  index users_pkey CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)',
        '  with autovacuum_enabled=true',
        '  with fillfactor=90',
        '',
      ].join('\n'),
    );
  });

  it('indents function definitions and trims trailing spaces', () => {
    expect(formatSchema(facts())['function.stage_took_place.txt']).toContain(
      'function stage_took_place(at timestamp with time zone)\n  CREATE FUNCTION x()\n    RETURNS boolean\n',
    );
  });

  it('gives the same text whatever order the catalog returned things in', () => {
    const reordered = facts();
    reordered.tables.reverse();
    reordered.tables[0].constraints.reverse();
    reordered.tables[1].options.reverse();
    expect(formatSchema(reordered)).toEqual(formatSchema(facts()));
  });

  it('starts schema.txt with what the folder is and how to update it, and ends every file with one newline', () => {
    const files = formatSchema(facts());
    expect(files['schema.txt'].startsWith('# The schema a fresh database has')).toBe(true);
    expect(files['schema.txt']).toContain('npm run db:schema:update');
    for (const text of Object.values(files)) {
      expect(text.endsWith('\n')).toBe(true);
      expect(text.endsWith('\n\n')).toBe(false);
    }
  });
});
