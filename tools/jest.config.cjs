// Unit tests of the tools' pure parts: plain CommonJS, no transform.
module.exports = {
  displayName: 'tools',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.cjs'],
  moduleFileExtensions: ['cjs', 'js', 'mjs', 'json'],
  transform: {},
};
