#!/usr/bin/env node
// Where a Node process spent its CPU, from the .cpuprofile that `--cpu-prof` writes: self time per
// package (or the app's own code) and the costliest functions, so a profile can be read without
// DevTools. Usage: node benchmarks/cpu-profile-summary.mjs <file.cpuprofile> [functions to list]
// [--under name,name]: with --under, also the time spent in each named function and everything it
// called (an async function's resumptions count as its own, as V8 records them).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const underAt = args.indexOf('--under');
const underNames = underAt >= 0 ? (args.splice(underAt, 2)[1] ?? '').split(',').filter(Boolean) : [];
const [file, topArg] = args;
if (!file || (underAt >= 0 && underNames.length === 0)) {
  console.error(
    'usage: node benchmarks/cpu-profile-summary.mjs <file.cpuprofile> [functions to list, default 30] [--under name,name]',
  );
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Each sample names the node that was on top of the stack; the time to the next sample is its cost.
const selfMicros = new Map();
profile.samples.forEach((nodeId, index) => {
  const delta = profile.timeDeltas[index + 1] ?? 0;
  selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + delta);
});

/** node_modules/<package> (scoped too), the app's or a lib's own code, node's internals or V8's own work. */
const ownerOf = ({ url, functionName }) => {
  if (!url) return `(${functionName || 'native'})`;
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node';
  const own = url.match(/\/(apps|libs)\/([^/]+)\//);
  return own ? `${own[1]}/${own[2]}` : url;
};

const byOwner = new Map();
const byFunction = new Map();
let total = 0;
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (!micros) continue;
  total += micros;
  const frame = node.callFrame;
  const owner = ownerOf(frame);
  byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
  const name = `${frame.functionName || '(anonymous)'}  ${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
}

const ms = (micros) => (micros / 1000).toFixed(1).padStart(9);
const share = (micros) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
const print = (title, entries, limit) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit))
    console.log(`${ms(micros)} ms ${share(micros)}  ${name}`);
};

/** Each named function's self time plus that of every node below it, counted once per sample. */
const timeUnder = (names) => {
  const wanted = new Set(names);
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const under = new Map();
  for (const [nodeId, micros] of selfMicros) {
    const counted = new Set();
    for (let id = nodeId; id !== undefined; id = parentOf.get(id)) {
      const frame = nodesById.get(id).callFrame;
      if (!wanted.has(frame.functionName)) continue;
      const name = `${frame.functionName}  ${ownerOf(frame)}:${frame.lineNumber + 1}`;
      if (counted.has(name)) continue; // a recursive call counts its sample once
      counted.add(name);
      under.set(name, (under.get(name) ?? 0) + micros);
    }
  }
  return under;
};

console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by package', byOwner, 25);
print(`self time by function (top ${top})`, byFunction, top);
if (underNames.length > 0)
  print('time under the named functions (theirs and their callees)', timeUnder(underNames), 100);
