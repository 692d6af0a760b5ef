// @ts-check
'use strict';

/**
 * A new, empty, hand-written migration: its file name, class name and source, and its place in the API's
 * data source (migrations are listed there, not globbed). Pure: db-cli.cjs does the reading and writing.
 */

const MIGRATIONS_DIR = 'apps/api/src/database/migrations';
const DATA_SOURCE = 'apps/api/src/database/data-source.ts';
const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/**
 * `<verb>-<object>` in kebab case, e.g. `add-job-tags`.
 * @param {string | undefined} name
 * @returns {string} the reason it is not a valid name, or '' if it is
 */
function migrationNameProblem(name) {
  if (!name || name.startsWith('-')) return 'needs a name, <verb>-<object> in kebab case, e.g. add-job-tags';
  if (!NAME_PATTERN.test(name)) {
    return `"${name}" is not <verb>-<object> in kebab case (lower-case words joined by "-", e.g. add-job-tags)`;
  }
  return '';
}

/**
 * Milliseconds since the epoch, after every existing migration's, so the new one runs last.
 * @param {string[]} existingFiles file names in the migrations folder
 * @param {number} now
 */
function nextTimestamp(existingFiles, now) {
  const latest = Math.max(0, ...existingFiles.map((file) => Number(/^(\d{13})-/.exec(file)?.[1] ?? 0)));
  return Math.max(now, latest + 1);
}

/**
 * @param {string} name `<verb>-<object>`
 * @param {number} timestamp
 */
function migrationNames(name, timestamp) {
  const pascal = name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  const fileBase = `${timestamp}-${name}`;
  return {
    className: `${pascal}${timestamp}`,
    fileBase,
    filePath: `${MIGRATIONS_DIR}/${fileBase}.ts`,
  };
}

/**
 * The source of an empty migration in the style of the existing ones.
 * @param {string} className
 */
function migrationSource(className) {
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

/** TODO: one line on what this change is for. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written SQL. Name every constraint, index and trigger: postgres-errors.ts maps names to error codes.
    await queryRunner.query(\`-- TODO\`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Undo up() exactly, in reverse order: \`npm run db:migration:revert\` must leave the previous schema.
    await queryRunner.query(\`-- TODO\`);
  }
}
`;
}

/**
 * Adds the migration's import after the last migration import, and the class at the end of `migrations`.
 * @param {string} text data-source.ts
 * @param {{ className: string, fileBase: string }} migration
 * @returns {string | null} the new text, or null if the file does not have the expected shape
 */
function registerMigration(text, { className, fileBase }) {
  const importLine = `import { ${className} } from './migrations/${fileBase}';\n`;
  const imports = [...text.matchAll(/^import \{ \w+ \} from '\.\/migrations\/[^']+';\n/gm)];
  const lastImport = imports[imports.length - 1];
  const list = /^export const migrations = \[\n((?: {2}\w+,\n)*)\];/m.exec(text);
  if (!lastImport || lastImport.index === undefined || !list) return null;

  const listEnd = list.index + list[0].length - '];'.length;
  const withEntry = `${text.slice(0, listEnd)}  ${className},\n${text.slice(listEnd)}`;
  const importEnd = lastImport.index + lastImport[0].length;
  return `${withEntry.slice(0, importEnd)}${importLine}${withEntry.slice(importEnd)}`;
}

module.exports = {
  MIGRATIONS_DIR,
  DATA_SOURCE,
  migrationNameProblem,
  nextTimestamp,
  migrationNames,
  migrationSource,
  registerMigration,
};
