#!/usr/bin/env node
// `npm run bench`: every benchmark in turn (each starts and stops its own platform), one Markdown
// report on stdout and in tmp/bench-report.md. `npm run bench -- search|appointments|chat|video|growth|sfu` runs one.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchmarkAppointments } from './appointments.mjs';
import { benchmarkChat } from './chat.mjs';
import { benchmarkGrowth } from './growth.mjs';
import { root } from './lib/stack.mjs';
import { benchmarkSearch } from './search.mjs';
import { benchmarkSfuCapacity } from './sfu-capacity.mjs';
import { benchmarkVideo } from './video.mjs';

const all = {
  search: benchmarkSearch,
  appointments: benchmarkAppointments,
  chat: benchmarkChat,
  video: benchmarkVideo,
  growth: benchmarkGrowth,
  sfu: benchmarkSfuCapacity,
};
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(all);
for (const name of chosen) {
  if (!all[name]) throw new Error(`unknown benchmark ${name}; choose from ${Object.keys(all).join(', ')}`);
}
// Each report is printed and kept as soon as its benchmark ends: a later one that fails (or a
// run stopped halfway) loses nothing measured before it.
mkdirSync(join(root, 'tmp'), { recursive: true });
const reportFile = join(root, 'tmp', 'bench-report.md');
writeFileSync(reportFile, '');
for (const [i, name] of chosen.entries()) {
  console.error(`== ${name}`);
  const report = await all[name]();
  appendFileSync(reportFile, `${i > 0 ? '\n' : ''}${report}\n`);
  console.log(`${i > 0 ? '\n' : ''}${report}`);
}
