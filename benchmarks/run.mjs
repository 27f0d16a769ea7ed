#!/usr/bin/env node
// `npm run bench`: every benchmark in turn (each starts and stops its own platform), one Markdown
// report on stdout and in tmp/bench-report.md. `npm run bench -- search|appointments|chat|video|growth` runs one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchmarkAppointments } from './appointments.mjs';
import { benchmarkChat } from './chat.mjs';
import { benchmarkGrowth } from './growth.mjs';
import { root } from './lib/stack.mjs';
import { benchmarkSearch } from './search.mjs';
import { benchmarkVideo } from './video.mjs';

const all = {
  search: benchmarkSearch,
  appointments: benchmarkAppointments,
  chat: benchmarkChat,
  video: benchmarkVideo,
  growth: benchmarkGrowth,
};
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(all);
const reports = [];
for (const name of chosen) {
  if (!all[name]) throw new Error(`unknown benchmark ${name}; choose from ${Object.keys(all).join(', ')}`);
  console.error(`== ${name}`);
  reports.push(await all[name]());
}
const report = reports.join('\n\n');
mkdirSync(join(root, 'tmp'), { recursive: true });
writeFileSync(join(root, 'tmp', 'bench-report.md'), `${report}\n`);
console.log(report);
