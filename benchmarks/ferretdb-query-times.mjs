#!/usr/bin/env node
// Where FerretDB's time goes: reads a FerretDB debug log (FERRETDB_LOG_LEVEL=debug with
// AROGYAM_INFRA_LOG_DIR, see docs/development.md) and prints, per database.collection, command
// and filter fields, how many ran and how long they took, costliest first. A request and its
// response are paired by connection.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node benchmarks/ferretdb-query-times.mjs <dir>/mongo.log');
  process.exit(2);
}
const line = /^time=(\S+) level=DEBUG msg="(Request|Response) message:(.*)" name="\/\/ (\S+) /;
const pending = new Map();
const totals = new Map();
for (const text of readFileSync(file, 'utf8').split('\n')) {
  const match = line.exec(text);
  if (!match) continue;
  const [, time, kind, body, connection] = match;
  const at = Date.parse(time);
  if (kind === 'Request') {
    const command = /\\"Document\\": \{\\n\s+\\"(\w+)\\": \\"([^\\]*)\\"/.exec(body);
    if (!command) continue;
    const database = /\\"\$db\\": \\"(\w+)\\"/.exec(body)?.[1] ?? '?';
    const filter = /\\"(?:filter|q)\\": (\{.*?\}),\\n/.exec(body)?.[1] ?? '';
    const fields = [...filter.matchAll(/\\"([\w.$]+)\\":/g)].slice(0, 4).map((m) => m[1]);
    pending.set(connection, { at, key: `${database}.${command[2]} ${command[1]} [${fields.join(',')}]` });
  } else if (pending.has(connection)) {
    const { at: started, key } = pending.get(connection);
    pending.delete(connection);
    const total = totals.get(key) ?? { count: 0, ms: 0, max: 0 };
    total.count += 1;
    total.ms += at - started;
    total.max = Math.max(total.max, at - started);
    totals.set(key, total);
  }
}
for (const [key, { count, ms, max }] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
  console.log(
    `${(ms / 1000).toFixed(2).padStart(8)} s ${String(count).padStart(6)} × avg ${(ms / count).toFixed(1).padStart(7)} ms, max ${String(max).padStart(6)} ms  ${key}`,
  );
}
