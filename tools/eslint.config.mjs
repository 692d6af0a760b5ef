import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // CommonJS modules load their dependencies with require(); that is what they are.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
