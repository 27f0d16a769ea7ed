#!/usr/bin/env node
// `npm run bench`: throughput and latency through the gateway, and each process's memory.
// Starts its own FerretDB + NATS + services + gateway from the build (npm run build first),
// seeds 10,000 verified doctors, then drives it with autocannon at 50 connections.
// Prints a Markdown report (also written to tmp/bench-report.md) for docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { MongoClient } = require('mongodb');
const testing = require(join(root, 'libs/testing/dist/index.js'));

const DOCTORS = Number(process.env.BENCH_DOCTORS ?? 10000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const SPECIALIZATIONS = [
  'Cardiology',
  'Dermatology',
  'Paediatrics',
  'General Medicine',
  'Gynaecology',
  'Orthopaedics',
  'Psychiatry',
  'Endocrinology',
  'ENT',
  'Neurology',
];
const CITIES = [
  'Bengaluru',
  'Mumbai',
  'Delhi',
  'Chennai',
  'Kolkata',
  'Hyderabad',
  'Pune',
  'Kochi',
  'Jaipur',
  'Lucknow',
];
const LANGUAGES = ['English', 'Hindi', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Bengali', 'Marathi'];
const FIRST = [
  'Aarav',
  'Meera',
  'Rohan',
  'Kavya',
  'Arjun',
  'Fatima',
  'Vikram',
  'Lakshmi',
  'Sanjay',
  'Neha',
  'Ishaan',
  'Priya',
];
const LAST = [
  'Iyer',
  'Mehta',
  'Sheikh',
  'Das',
  'Nair',
  'Singh',
  'Rao',
  'Kulkarni',
  'Kapoor',
  'Verma',
  'Patel',
  'Reddy',
];

const pick = (list, i) => list[i % list.length];
const rssMb = (pid) =>
  Math.round(
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) / 1024,
  );

function doctorDocument(i) {
  const fullName = `Dr ${pick(FIRST, i)} ${pick(LAST, Math.floor(i / 12))}`;
  const languages = [pick(LANGUAGES, i), pick(LANGUAGES, i + 3)];
  const name = fullName.toLowerCase();
  const now = new Date();
  return {
    _id: randomUUID(),
    email: `doctor${i}@bench.test`,
    fullName,
    accountStatus: 'active',
    specialization: pick(SPECIALIZATIONS, i),
    licenseNumber: `BENCH-${i}`,
    yearsOfExperience: i % 40,
    consultationFee: { amount: 30000 + (i % 20) * 5000, currency: 'INR' },
    city: pick(CITIES, Math.floor(i / 10)),
    languages,
    verificationStatus: 'approved',
    rating: (i % 50) / 10,
    reviewCount: i % 300,
    specializationKey: pick(SPECIALIZATIONS, i).toLowerCase(),
    cityKey: pick(CITIES, Math.floor(i / 10)).toLowerCase(),
    languageKeys: languages.map((l) => l.toLowerCase()),
    nameKeys: [...new Set([name, ...name.split(' ')])],
    outbox: [],
    createdAt: now,
    updatedAt: now,
  };
}

async function load(title, options) {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return {
    title,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (result.non2xx ?? 0),
    total: result.requests.total,
  };
}

async function main() {
  const infra = await testing.startLocalInfra();
  const common = { NATS_URL: infra.natsUrl, MONGO_URL: infra.mongoUrl, JWT_SECRET, LOG_LEVEL: 'warn' };
  const ready = { readyPattern: /ready|"level":"warn"/ };
  const processes = {};
  try {
    for (const name of ['user-service', 'doctor-service', 'patient-service']) {
      processes[name] = await testing.startApp(name, { env: { ...common, LOG_LEVEL: 'info' }, ...ready });
    }
    const port = await testing.freePort();
    processes.gateway = await testing.startApp('gateway', {
      env: {
        ...common,
        LOG_LEVEL: 'info',
        PORT: String(port),
        LOGIN_THROTTLE_LIMIT: '1000000',
        AUTH_THROTTLE_IP_LIMIT: '1000000',
      },
    });
    const base = `http://127.0.0.1:${port}`;

    console.error(`seeding ${DOCTORS} verified doctors…`);
    const mongo = await MongoClient.connect(infra.mongoUrl, { retryWrites: false });
    const doctors = mongo.db('arogyam_doctors').collection('doctors');
    for (let i = 0; i < DOCTORS; i += 1000) {
      await doctors.insertMany(
        Array.from({ length: Math.min(1000, DOCTORS - i) }, (_, k) => doctorDocument(i + k)),
      );
    }
    await mongo.close();
    const patient = {
      email: 'bench.patient@bench.test',
      password: 'bench-password-1',
      fullName: 'Bench Patient',
    };
    await fetch(`${base}/api/patients/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patient),
    });

    await new Promise((r) => setTimeout(r, 3000));
    const idle = Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, rssMb(p.pid)]));
    const peak = { ...idle };
    const sampler = setInterval(() => {
      for (const [name, p] of Object.entries(processes)) peak[name] = Math.max(peak[name], rssMb(p.pid));
    }, 500);

    console.error('warming up…');
    await autocannon({ url: `${base}/api/doctors?specialization=cardiology`, connections: 10, duration: 3 });

    const results = [];
    let n = 0;
    const searchPath = () => {
      n += 1;
      return `/api/doctors?specialization=${encodeURIComponent(pick(SPECIALIZATIONS, n))}&city=${encodeURIComponent(pick(CITIES, n * 7))}&page=1&limit=12`;
    };
    console.error('search by specialization + city…');
    results.push(
      await load('search: specialization + city', {
        url: base,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: searchPath() }) }],
      }),
    );
    console.error('search by name prefix…');
    results.push(
      await load('search: name prefix (q)', {
        url: base,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({
              ...req,
              path: `/api/doctors?q=${pick(LAST, n++).slice(0, 3).toLowerCase()}`,
            }),
          },
        ],
      }),
    );
    console.error('search, no filter, page 20…');
    results.push(await load('search: all, page 20', { url: `${base}/api/doctors?page=20&limit=12` }));
    console.error('login…');
    results.push(
      await load('login (argon2id)', {
        url: `${base}/api/patients/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: patient.email, password: patient.password }),
      }),
    );
    clearInterval(sampler);

    const report = [
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; FerretDB 1.24 (SQLite) and nats-server on the same machine.`,
      `Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per row, through the gateway; ${DOCTORS} verified doctors.`,
      '',
      '| scenario | req/s | p50 ms | p99 ms | non-2xx/errors | requests |',
      '|---|---|---|---|---|---|',
      ...results.map((r) => `| ${r.title} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.total} |`),
      '',
      '| process | RSS idle (MB) | RSS peak under load (MB) |',
      '|---|---|---|',
      ...Object.keys(idle).map((name) => `| ${name} | ${idle[name]} | ${peak[name]} |`),
    ].join('\n');
    mkdirSync(join(root, 'tmp'), { recursive: true });
    writeFileSync(join(root, 'tmp', 'bench-report.md'), `${report}\n`);
    console.log(report);
  } finally {
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    await infra.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
