'use strict';

const { byBytes, describeColumn, formatSchema } = require('./format-schema.cjs');

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
    },
    { name: 'Audit', kind: 'table', columns: [column({})], constraints: [], indexes: [], triggers: [] },
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

  it('lists tables by name, columns in table order, then constraints, indexes and triggers by name', () => {
    const text = formatSchema(facts());
    expect(text.indexOf('table Audit')).toBeLessThan(text.indexOf('table users'));
    expect(text).toContain(
      [
        'table users',
        '  column id uuid not null default gen_random_uuid()',
        '  column email text',
        '  constraint users_email_lowercase CHECK ((email = lower(email)))',
        '  constraint users_pkey PRIMARY KEY (id)',
        '  index users_pkey CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)',
        '',
      ].join('\n'),
    );
  });

  it('indents function definitions and trims trailing spaces', () => {
    expect(formatSchema(facts())).toContain(
      'function stage_took_place(at timestamp with time zone)\n  CREATE FUNCTION x()\n    RETURNS boolean\n',
    );
  });

  it('gives the same text whatever order the catalog returned things in', () => {
    const reordered = facts();
    reordered.tables.reverse();
    reordered.tables[0].constraints.reverse();
    expect(formatSchema(reordered)).toBe(formatSchema(facts()));
  });

  it('starts with a header that says how to update it, and ends with one newline', () => {
    const text = formatSchema(facts());
    expect(text.startsWith('# The schema a fresh database has')).toBe(true);
    expect(text).toContain('npm run db:schema:update');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });
});
