'use strict';

const migrationFile = require('./migration-file.cjs');

const DATA_SOURCE_TEXT = `import { DataSource } from 'typeorm';
import { CreateCoreSchema1795742600000 } from './migrations/1795742600000-create-core-schema';
import { AddUpdateRequestReminders1795754400000 } from './migrations/1795754400000-add-update-request-reminders';
import { SnakeNamingStrategy } from './snake-naming-strategy';

export const entities = [
  UserEntity,
];

/** Listed explicitly. */
export const migrations = [
  CreateCoreSchema1795742600000,
  AddUpdateRequestReminders1795754400000,
];
`;

describe('a new migration', () => {
  it.each(['add-job-tags', 'create-last-heard-function', 'drop-v2-index'])('accepts %s as <verb>-<object>', (name) => {
    expect(migrationFile.migrationNameProblem(name)).toBe('');
  });

  it.each(['AddJobTags', 'add', 'add_job_tags', 'add--tags', 'add-tags-', '2-add'])('refuses %s', (name) => {
    expect(migrationFile.migrationNameProblem(name)).toContain('kebab case');
  });

  it('asks for a name when there is none, or only an option', () => {
    expect(migrationFile.migrationNameProblem(undefined)).toContain('needs a name');
    expect(migrationFile.migrationNameProblem('--help')).toContain('needs a name');
  });

  it('is timestamped now, or just after the latest existing migration if that is later', () => {
    const existing = ['1795742600000-create-core-schema.ts', '1795754400000-add-update-request-reminders.ts', 'x.ts'];
    expect(migrationFile.nextTimestamp(existing, 1796000000000)).toBe(1796000000000);
    expect(migrationFile.nextTimestamp(existing, 1700000000000)).toBe(1795754400001);
    expect(migrationFile.nextTimestamp([], 5)).toBe(5);
  });

  it('is named in the existing casing: kebab-case file, PascalCase class ending in the timestamp', () => {
    expect(migrationFile.migrationNames('add-job-tags', 1796203036784)).toEqual({
      className: 'AddJobTags1796203036784',
      fileBase: '1796203036784-add-job-tags',
      filePath: 'apps/api/src/database/migrations/1796203036784-add-job-tags.ts',
    });
  });

  it('starts with up() and down() stubs and the name TypeORM records', () => {
    const source = migrationFile.migrationSource('AddJobTags1796203036784');
    expect(source).toContain('export class AddJobTags1796203036784 implements MigrationInterface {');
    expect(source).toContain("name = 'AddJobTags1796203036784';");
    expect(source).toContain('async up(queryRunner: QueryRunner): Promise<void> {');
    expect(source).toContain('async down(queryRunner: QueryRunner): Promise<void> {');
  });

  it('is imported after the last migration and listed last in the data source', () => {
    const text = migrationFile.registerMigration(DATA_SOURCE_TEXT, {
      className: 'AddJobTags1796203036784',
      fileBase: '1796203036784-add-job-tags',
    });
    expect(text).toBe(
      DATA_SOURCE_TEXT.replace(
        "reminders';\n",
        "reminders';\nimport { AddJobTags1796203036784 } from './migrations/1796203036784-add-job-tags';\n",
      ).replace(
        '  AddUpdateRequestReminders1795754400000,\n];',
        '  AddUpdateRequestReminders1795754400000,\n  AddJobTags1796203036784,\n];',
      ),
    );
  });

  it('leaves a data source of another shape to the developer', () => {
    const migration = { className: 'AddJobTags1796203036784', fileBase: '1796203036784-add-job-tags' };
    expect(migrationFile.registerMigration('export const migrations = [];\n', migration)).toBeNull();
  });
});
