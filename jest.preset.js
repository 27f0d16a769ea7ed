// Shared Jest settings: SWC keeps decorator metadata (Nest DI needs it) and is fast on 2 cores.
const path = require('node:path');

const libs = ['contracts', 'messaging', 'persistence', 'pdf', 'auth', 'service-kit', 'testing'];

module.exports = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  // testTimeout is a global-only option in multi-project runs; this works in both modes.
  setupFilesAfterEnv: [path.join(__dirname, 'tests', 'jest.timeout.js')],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: Object.fromEntries(
    libs.map((lib) => [`^@arogyam/${lib}$`, path.join(__dirname, 'libs', lib, 'src', 'index.ts')]),
  ),
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
