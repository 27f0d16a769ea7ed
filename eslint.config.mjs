import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);
const COMMONJS_GLOBALS = Object.fromEntries(
  ['__dirname', '__filename', 'exports', 'module', 'require'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.tools/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Config and DTO properties need explicit types: decorator metadata (design:type) is what
      // class-transformer converts environment strings by.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
    },
  },
  // The SPAs and libs/ui run in the browser: @arogyam/contracts is the services' CommonJS build,
  // and a value taken from it blanks the page (docs/development.md). Types only. Specs run in Node.
  {
    files: ['apps/*-web/src/**/*.{ts,tsx}', 'libs/ui/src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.ts', '**/*.spec.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@arogyam/contracts',
              message: 'The browser takes only types from @arogyam/contracts (docs/development.md).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // Plain JavaScript: Node scripts and benchmarks (ES modules), Jest configs (CommonJS). The Node
  // globals they use are listed here rather than taken from the `globals` package, which is only
  // a transitive dependency.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...COMMONJS_GLOBALS, jest: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
