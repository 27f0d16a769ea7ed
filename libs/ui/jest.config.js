// ESM: this package is "type": "module" (Vite); the preset is CommonJS.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export default {
  ...require('../../jest.preset.js'),
  displayName: 'ui',
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  // Plain functions of the SPAs' shared library; pages are tested in the browser (tests/browser).
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
