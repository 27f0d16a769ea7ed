// The platform for a benchmark: its own FerretDB + NATS on free ports, every built service and
// N gateways as separate processes, with throttling lifted (load comes from one address).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const testing = require(join(root, 'libs/testing/dist/index.js'));
const { PRIVACY_NOTICE_VERSION } = require(join(root, 'libs/contracts/dist/index.js'));

/** What every registration sends: the privacy notice version the person accepted. */
export const CONSENT = { privacyNoticeVersion: PRIVACY_NOTICE_VERSION };

export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
export const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-1' };

export const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
  'FerretDB 1.24 (patched) on PostgreSQL 15, nats-server and the load generator on the same machine';

/**
 * A process's resident memory in MB, from /proc: no child process. (Sampling with `ps` through
 * execFileSync blocked the load generator's event loop ~50 ms twice a second, which showed up as
 * every benchmark's p99.) Falls back to `ps` where there is no /proc.
 */
export const rssMb = (pid) => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN) / 1024);
  } catch {
    return Math.round(
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024,
    );
  }
};

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; NaN without. */
export const cpuSeconds = (pid) => testing.processStat(pid)?.cpuSeconds ?? NaN;

/**
 * CPU seconds of a server and all its children (PostgreSQL serves each connection from a process
 * of its own): the server's own time, what its exited children used (cutime, cstime), and the
 * live children's.
 */
export const cpuSecondsWithChildren = (pid) => {
  try {
    const own = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = own.slice(own.lastIndexOf(')') + 2).split(' ');
    let seconds = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(rest[1]) === pid) seconds += (Number(rest[11]) + Number(rest[12])) / 100;
      } catch {
        // exited while we looked
      }
    }
    return seconds;
  } catch {
    return NaN;
  }
};

/**
 * Where a phase's CPU went: call before it, then call the result after it to get each process's
 * CPU milliseconds per request (FerretDB, PostgreSQL with its backends, NATS, every app and the
 * load generator itself).
 */
export function cpuMeter(stack) {
  const pids = {
    ...Object.fromEntries(Object.entries(stack.processes).map(([name, p]) => [name, p.pid])),
    ...(stack.infra.pids?.mongo ? { ferretdb: stack.infra.pids.mongo } : {}),
    ...(stack.infra.pids?.nats ? { 'nats-server': stack.infra.pids.nats } : {}),
  };
  const postgres = stack.infra.pids?.postgres;
  const read = () => ({
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)])),
    ...(postgres ? { postgresql: cpuSecondsWithChildren(postgres) } : {}),
    'load generator': (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  });
  const before = read();
  return (requests) => {
    const after = read();
    return Object.fromEntries(
      Object.keys(after)
        .map((name) => [name, ((after[name] - before[name]) * 1000) / Math.max(1, requests)])
        .filter(([, ms]) => ms >= 0.05)
        .sort((a, b) => b[1] - a[1]),
    );
  };
}

/**
 * Waits until the platform has finished the work a phase left behind (event consumers, outbox
 * relays): every 2 s the CPU all its processes used, until under 5% of one core (at most
 * `maxSeconds`), so the next phase is measured on its own.
 */
export async function quiet(stack, maxSeconds = 60) {
  const started = Date.now();
  while (Date.now() - started < maxSeconds * 1000) {
    const meter = cpuMeter(stack);
    await new Promise((r) => setTimeout(r, 2000));
    const used = Object.entries(meter(1))
      .filter(([name]) => name !== 'load generator')
      .reduce((sum, [, ms]) => sum + ms, 0);
    if (used < 100) return;
  }
}

/** A Markdown table of `cpuMeter` results: one column per phase. */
export function cpuTable(phases) {
  const names = [...new Set(Object.values(phases).flatMap((perProcess) => Object.keys(perProcess)))];
  const total = (perProcess) => Object.values(perProcess).reduce((sum, ms) => sum + ms, 0);
  return [
    `| CPU ms per request | ${Object.keys(phases).join(' | ')} |`,
    `|---|${Object.keys(phases)
      .map(() => '---')
      .join('|')}|`,
    ...names.map(
      (name) =>
        `| ${name} | ${Object.values(phases)
          .map((perProcess) => (perProcess[name] ?? 0).toFixed(1))
          .join(' | ')} |`,
    ),
    `| **all processes** | ${Object.values(phases)
      .map((perProcess) => total(perProcess).toFixed(1))
      .join(' | ')} |`,
  ].join('\n');
}

/**
 * What the database did, per collection, from PostgreSQL's own counters (`pg_stat_user_tables`:
 * scans begun, rows inserted, updated, deleted): `meter(requests)` answers a Markdown table of the
 * work per request since the meter started (async: the counters lag a second), or '' when the
 * stack runs on a MongoDB (MONGO_URL).
 * FerretDB keeps each collection in a table named `<collection>_<hash>` of a schema per database.
 */
export function databaseWorkMeter(stack) {
  if (!stack.infra.pids?.postgres) return async () => '';
  const read = () =>
    Object.fromEntries(
      psql(
        stack,
        "select schemaname || '.' || regexp_replace(relname, '_[0-9a-f]{8}$', ''), coalesce(seq_scan, 0) + coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables",
      )
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [table, ...counts] = line.split(' ');
          return [table, counts.map(Number)];
        }),
    );
  const before = read();
  return async (requests) => {
    await statisticsSettled();
    const rows = Object.entries(read())
      .map(([table, counts]) => [
        table,
        counts.map((n, i) => (n - (before[table]?.[i] ?? 0)) / Math.max(1, requests)),
      ])
      .filter(([, counts]) => counts.some((n) => n >= 0.05))
      .sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y));
    return [
      '| collection (database.collection) | scans | rows inserted | rows updated | rows deleted |',
      '|---|---|---|---|---|',
      ...rows.map(
        ([table, counts]) =>
          `| ${table.replace(/^arogyam_/, '')} | ${counts.map((n) => n.toFixed(2)).join(' | ')} |`,
      ),
    ].join('\n');
  };
}

/**
 * How PostgreSQL found the pages a phase read: call before it, then call the result after it with
 * the request count to get blocks per request found in its shared buffers (`hit`) and blocks it
 * had to ask the operating system for (`read`: its page cache or the disk). Empty on MongoDB.
 */
export function bufferMeter(stack) {
  if (!stack.infra.pids?.postgres) return () => undefined;
  const read = () =>
    psql(stack, 'select blks_hit, blks_read from pg_stat_database where datname = current_database()')
      .split(' ')
      .map(Number);
  const [hitBefore, readBefore] = read();
  return async (requests) => {
    await statisticsSettled();
    const [hit, blocksRead] = read();
    const per = (n) => n / Math.max(1, requests);
    return { hit: per(hit - hitBefore), read: per(blocksRead - readBefore) };
  };
}

/**
 * PostgreSQL's costliest statements of a phase, when the stack's PostgreSQL loads
 * pg_stat_statements (`AROGYAM_POSTGRES_SETTINGS='shared_preload_libraries=pg_stat_statements'`):
 * call before it, then call the result after it with the request count for the top `top` by
 * total time, each with its calls, rows and 8 kB pages per request and ms per call. Answers
 * nothing when the module is not loaded.
 */
export function statementMeter(stack, top = 5) {
  const loaded =
    stack.infra.pids?.postgres &&
    psql(stack, "select count(*) from pg_settings where name = 'pg_stat_statements.max'") === '1';
  if (!loaded) return async () => undefined;
  psql(stack, 'set client_min_messages = warning; create extension if not exists pg_stat_statements');
  psql(stack, 'select pg_stat_statements_reset()');
  return async (requests) => {
    await statisticsSettled();
    const per = (n) => (Number(n) / Math.max(1, requests)).toFixed(2);
    return psql(
      stack,
      `select total_exec_time + total_plan_time, calls, rows, shared_blks_hit + shared_blks_read,
              (total_exec_time + total_plan_time) / greatest(calls, 1), total_plan_time / greatest(calls, 1),
              regexp_replace(left(query, 400), '[[:space:]]+', ' ', 'g')
         from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
              and query not like '%pg_stat%' -- the meters' own
         order by 1 desc limit ${top}`,
    )
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [total, calls, rows, pages, meanMs, planMs, ...query] = line.split(' ');
        return {
          msPerRequest: per(total),
          callsPerRequest: per(calls),
          rowsPerRequest: per(rows),
          pagesPerRequest: per(pages),
          msPerCall: Number(meanMs).toFixed(3),
          planMsPerCall: Number(planMs).toFixed(3),
          query: query.join(' '),
        };
      });
  };
}

/** PostgreSQL's statistics collector reports counters with a delay of up to a second. */
const statisticsSettled = () => new Promise((resolve) => setTimeout(resolve, 1000));

/** One SQL command on the stack's PostgreSQL (FerretDB's backend): its rows, fields space-separated. */
function psql(stack, sql) {
  const args = readFileSync(`/proc/${stack.infra.pids.postgres}/cmdline`, 'utf8').split('\0');
  const port = args[args.indexOf('-p') + 1];
  const bin = join(testing.findPostgresBinDir(), 'psql');
  const options = ['-h', '127.0.0.1', '-p', port, '-U', 'arogyam', '-d', 'postgres', '-At', '-F', ' '];
  return execFileSync(bin, [...options, '-c', sql]).toString().trim();
}

/**
 * After a bulk seed: `VACUUM (ANALYZE)` on the stack's PostgreSQL, so the reads that follow meet
 * the tables as a running database keeps them, not autovacuum working through millions of fresh
 * rows meanwhile (its CPU counts as PostgreSQL's in the per-request tables). Answers the seconds
 * it took; nothing to do on a MongoDB (MONGO_URL).
 */
export function settleDatabase(stack) {
  if (!stack.infra.pids?.postgres) return 0;
  const began = Date.now();
  psql(stack, 'VACUUM (ANALYZE)');
  return Math.round((Date.now() - began) / 1000);
}

export async function startStack({ gateways = 1, serviceEnv = {}, gatewayEnv = () => ({}), seed } = {}) {
  const infra = await testing.startLocalInfra();
  // Data that services read at start (doctor-service's search directory) goes in first.
  if (seed) await seed(infra);
  const common = {
    MONGO_URL: infra.mongoUrl,
    JWT_SECRET,
    LOG_LEVEL: 'info',
    SMTP_URL: 'dev',
  };
  const processes = {};
  const services = readdirSync(join(root, 'apps')).filter(
    (name) => name.endsWith('-service') && existsSync(join(root, 'apps', name, 'dist', 'main.js')),
  );
  try {
    for (const name of services) {
      processes[name] = await testing.startApp(name, {
        env: {
          ...common,
          // Each as its own NATS user with the generated permissions, as in production.
          ...testing.natsEnv(infra, testing.natsUserOfApp(name)),
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          NOTIFICATION_OUTBOX_DIR: join(root, 'tmp', 'bench-outbox'),
          PAYMENT_SANDBOX_SECRET: 'bench-only-payment-sandbox-secret',
          // No mediasoup workers spinning beside a benchmark that makes no calls (video.mjs sets its own).
          VIDEO_MEDIA: 'p2p',
          ...serviceEnv,
        },
      });
    }
    const urls = [];
    for (let i = 0; i < gateways; i += 1) {
      const port = await testing.freePort();
      processes[gateways === 1 ? 'gateway' : `gateway-${i + 1}`] = await testing.startApp('gateway', {
        env: {
          ...common,
          ...testing.natsEnv(infra, 'gateway'),
          PORT: String(port),
          LOGIN_THROTTLE_LIMIT: '1000000',
          AUTH_THROTTLE_IP_LIMIT: '1000000',
          // A benchmark's few people do what thousands would: no per-person budgets.
          BOOKING_BUDGET_PER_HOUR: '1000000',
          UPLOAD_BUDGET_PER_HOUR: '1000000',
          MESSAGE_BUDGET_PER_MINUTE: '1000000',
          ...gatewayEnv(i),
        },
      });
      urls.push(`http://127.0.0.1:${port}`);
    }
    await testing.waitFor(
      async () => (await fetch(`${urls[0]}/api/health`)).status === 200,
      30000,
      'a healthy platform',
    );
    return {
      infra,
      urls,
      base: urls[0],
      processes,
      rss: () => Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, rssMb(p.pid)])),
      async stop() {
        await Promise.all(Object.values(processes).map((p) => p.stop()));
        await infra.stop();
      },
    };
  } catch (error) {
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    await infra.stop();
    throw error;
  }
}

/**
 * Each process's RSS once the platform has sat idle: V8 returns the memory a start-up used (the
 * search directory's load, for one) only after its idle-time GC, so a reading taken right after
 * start shows the start, not the idle state. Samples every 5 s from `minSeconds` until no process
 * moved by more than 2 MB, at most `maxSeconds`.
 */
export async function idleRss(stack, { minSeconds = 30, maxSeconds = 90 } = {}) {
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, minSeconds * 1000));
  let previous = stack.rss();
  while (elapsed() < maxSeconds) {
    await new Promise((r) => setTimeout(r, 5000));
    const current = stack.rss();
    const settled = Object.keys(current).every((name) => Math.abs(current[name] - previous[name]) <= 2);
    previous = current;
    if (settled) break;
  }
  return { rss: previous, seconds: Math.round(elapsed()) };
}

export async function call(base, method, path, { body, token } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Runs `count` async jobs with at most `concurrency` at once (seeding without overload). */
export async function inBatches(count, concurrency, job) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await job(i);
      }
    }),
  );
  return results;
}

export const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
