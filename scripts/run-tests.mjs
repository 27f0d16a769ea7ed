#!/usr/bin/env node
// `npm test`: build every project, run every Jest project (unit, integration against real
// FerretDB + NATS, end-to-end with services as processes, browser against the built SPAs),
// and finish with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' };
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

console.log('[test] building every project');
if (run('npx', ['nx', 'run-many', '-t', 'build', '--parallel=2', '--outputStyle=static']) !== 0) {
  console.error('[test] build failed');
  process.exit(1);
}

mkdirSync(join(root, 'tmp'), { recursive: true });
const results = join(root, 'tmp', 'jest-results.json');
const status = run('npx', [
  'jest',
  '--maxWorkers=2',
  '--json',
  `--outputFile=${results}`,
  ...process.argv.slice(2),
]);

if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) {
    console.log(`(${r.numFailedTestSuites} test file(s) failed to run)`);
  }
}
process.exit(status);
