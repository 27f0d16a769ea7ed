#!/usr/bin/env node
// Login and doctor search through the gateway with 10,000 verified doctors, and each process's
// memory idle and under load (issue: foundation and identity).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CONSENT, call, cpuMeter, idleRss, machine, root, startStack } from './lib/stack.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { MongoClient } = require('mongodb');
const { doctorSearchKeys } = require(join(root, 'apps/doctor-service/dist/profiles/doctor-search-keys.js'));
const { NO_FREE_TIME } = require(join(root, 'apps/doctor-service/dist/profiles/doctor.schema.js'));
const { namePrefixRowsOf } = require(join(root, 'apps/doctor-service/dist/profiles/listed-name-prefixes.js'));

const DOCTORS = Number(process.env.BENCH_DOCTORS ?? 10000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
// Only the rows the gateway answers from its cache, without the idle-memory wait: for profiling
// that path (docs/development.md, "Profiling").
const CACHED_ONLY = process.env.BENCH_SEARCH_CACHED_ONLY === '1';
// The sample directory shared with growth.mjs and doctor-service's search timing.
const {
  specializations: SPECIALIZATIONS,
  cities: CITIES,
  languages: LANGUAGES,
  first: FIRST,
  last: LAST,
} = require('./lib/sample-doctors.json');
const pick = (list, i) => list[i % list.length];

/** A listed doctor as doctor-service stores one (seeded straight into its collection: 10,000
 * registrations through argon2 would take the benchmark's whole budget). */
function doctorDocument(i) {
  const fullName = `Dr ${pick(FIRST, i)} ${pick(LAST, Math.floor(i / 12))}`;
  const languages = [pick(LANGUAGES, i), pick(LANGUAGES, i + 3)];
  const consultationFee = { amount: 30000 + (i % 20) * 5000, currency: 'INR' };
  const now = new Date();
  // A fifth with nothing free in the lookahead; the others free within the next two weeks.
  const nextAvailableAt =
    i % 5 === 0 ? undefined : new Date(now.getTime() + ((i * 7919) % 1344) * 15 * 60_000);
  return {
    _id: randomUUID(),
    email: `doctor${i}@bench.test`,
    fullName,
    accountStatus: 'active',
    specialization: pick(SPECIALIZATIONS, i),
    licenseNumber: `BENCH-${i}`,
    yearsOfExperience: i % 40,
    consultationFee,
    city: pick(CITIES, Math.floor(i / 10)),
    languages,
    gender: i % 2 === 0 ? 'female' : 'male',
    // The read model of free times, as doctor-service keeps it from appointment-service's events.
    ...(nextAvailableAt ? { nextAvailableAt } : {}),
    soonestOrder: nextAvailableAt ? nextAvailableAt.getTime() : NO_FREE_TIME,
    nextAvailableComputedAt: now,
    verificationStatus: 'approved',
    rating: (i % 50) / 10,
    reviewCount: i % 300,
    // The keys search matches on, made by doctor-service's own function as on every write.
    ...doctorSearchKeys({
      fullName,
      specialization: pick(SPECIALIZATIONS, i),
      city: pick(CITIES, Math.floor(i / 10)),
      languages,
      consultationFee,
    }),
    outbox: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A row: autocannon at CONNECTIONS for SECONDS, with `Accept-Encoding: gzip` as browsers send it,
 * and the CPU the row cost per request in `gateway` (the one it loads) and in all processes.
 */
async function load(stack, gateway, title, options) {
  const cpu = cpuMeter(stack);
  const result = await autocannon({
    connections: CONNECTIONS,
    duration: SECONDS,
    ...options,
    headers: { 'accept-encoding': 'gzip', ...options.headers },
  });
  const cpuMs = cpu(result.requests.total);
  return {
    title,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (result.non2xx ?? 0),
    total: result.requests.total,
    gatewayCpuMs: (cpuMs[gateway] ?? 0).toFixed(2),
    allCpuMs: Object.values(cpuMs)
      .reduce((sum, ms) => sum + ms, 0)
      .toFixed(2),
  };
}

export async function benchmarkSearch() {
  // Gateway 1 as deployed; gateway 2 without its search cache, to show the path behind it.
  const stack = await startStack({
    gateways: 2,
    gatewayEnv: (i) => (i === 1 ? { DOCTOR_SEARCH_CACHE_TTL_SECONDS: '0' } : {}),
    seed: async (infra) => {
      console.error(`seeding ${DOCTORS} verified doctors…`);
      const mongo = await MongoClient.connect(infra.mongoUrl, { retryWrites: false });
      const doctors = mongo.db('arogyam_doctors').collection('doctors');
      // The name-prefix index doctor-service keeps for its listed doctors (a search by name alone
      // reads it), as its repository writes it; the marker says the one-off fill has nothing to do,
      // as in a database this version wrote.
      const namePrefixRows = mongo.db('arogyam_doctors').collection('listedNamePrefixes');
      for (let i = 0; i < DOCTORS; i += 1000) {
        const batch = Array.from({ length: Math.min(1000, DOCTORS - i) }, (_, k) => doctorDocument(i + k));
        await doctors.insertMany(batch);
        await namePrefixRows.insertMany(batch.flatMap(namePrefixRowsOf), { ordered: false });
      }
      await mongo
        .db('arogyam_doctors')
        .collection('upgrades')
        .insertOne({ _id: 'doctor-name-prefix-listing-1', doneAt: new Date(), changed: 0 });
      await mongo.close();
    },
  });
  try {
    const [base, uncachedBase] = stack.urls;
    // The last page tells the exact total (the first stops counting at 1,000: "1,000+ doctors").
    const listed = (await call(base, 'GET', `/api/doctors?limit=1&page=${DOCTORS}`)).body.total;
    if (listed !== DOCTORS) throw new Error(`search lists ${listed} doctors, expected ${DOCTORS}`);
    const patient = {
      email: 'bench.patient@bench.test',
      password: 'bench-password-1',
      fullName: 'Bench Patient',
    };
    await call(base, 'POST', '/api/patients/register', { body: { ...CONSENT, ...patient } });

    console.error('waiting for the platform to settle (idle memory)…');
    const { rss: idle, seconds: idleSeconds } = CACHED_ONLY
      ? { rss: stack.rss(), seconds: 0 }
      : await idleRss(stack);
    const peak = { ...idle };
    const sampler = setInterval(() => {
      for (const [name, mb] of Object.entries(stack.rss())) peak[name] = Math.max(peak[name], mb);
    }, 500);
    console.error('warming up…');
    await autocannon({ url: `${base}/api/doctors?specialization=cardiology`, connections: 10, duration: 3 });

    let n = 0;
    // The searches patients make: a specialization in a city, and the start of a surname.
    const specializationInCity = [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          path: `/api/doctors?specialization=${encodeURIComponent(pick(SPECIALIZATIONS, ++n))}&city=${encodeURIComponent(pick(CITIES, n * 7))}&limit=12`,
        }),
      },
    ];
    const namePrefix = [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          path: `/api/doctors?q=${pick(LAST, ++n).slice(0, 3).toLowerCase()}`,
        }),
      },
    ];
    // The filters and orders of issue 15 (item 3), behind the cache: what doctor-service answers.
    const filteredAndSorted = [
      'available=week&tz=Asia%2FKolkata&sort=soonest',
      'minFee=40000&maxFee=60000&sort=fee',
      'gender=female&sort=experience',
      'sort=soonest',
    ].map((filters) => ({
      method: 'GET',
      setupRequest: (req) => ({
        ...req,
        path: `/api/doctors?${filters}&specialization=${encodeURIComponent(pick(SPECIALIZATIONS, ++n))}&limit=12`,
      }),
    }));
    const results = [];
    // The stack's names for the two gateways (cpuMeter's keys).
    const [cached, uncached] = ['gateway-1', 'gateway-2'];
    const onCached = (title, options) => load(stack, cached, title, { url: base, ...options });
    const onUncached = (title, options) => load(stack, uncached, title, { url: uncachedBase, ...options });
    results.push(await onCached('search: specialization + city', { requests: specializationInCity }));
    results.push(await onCached('search: name prefix (q)', { requests: namePrefix }));
    results.push(await onCached('search: all, page 20', { url: `${base}/api/doctors?page=20&limit=12` }));
    if (!CACHED_ONLY) {
      results.push(
        await onUncached('search: specialization + city, gateway cache off', {
          requests: specializationInCity,
        }),
      );
      results.push(await onUncached('search: name prefix (q), gateway cache off', { requests: namePrefix }));
      for (const [i, title] of [
        'available this week, soonest first',
        'fee ₹400–₹600, cheapest first',
        'female, most experienced first',
        'soonest first',
      ].entries())
        results.push(
          await onUncached(`search: specialization + ${title}, gateway cache off`, {
            requests: [filteredAndSorted[i]],
          }),
        );
      results.push(
        await onCached('login (argon2id)', {
          url: `${base}/api/patients/login`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: patient.email, password: patient.password }),
        }),
      );
    }
    clearInterval(sampler);

    return [
      `Identity and search: ${machine()}. ${CONNECTIONS} connections, ${SECONDS} s per row, ${DOCTORS} verified doctors (seeded straight into doctor-service's collection before the platform starts); searches send \`Accept-Encoding: gzip\` as browsers do. CPU: ms per request of the gateway the row loads, and of every process (load generator included).`,
      '',
      '| scenario | req/s | p50 ms | p99 ms | non-2xx/errors | requests | gateway CPU ms/req | all CPU ms/req |',
      '|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.title} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.total} | ${r.gatewayCpuMs} | ${r.allCpuMs} |`,
      ),
      '',
      `RSS idle: after ${idleSeconds} s without requests, once no process moved by more than 2 MB in 5 s.`,
      '',
      '| process | RSS idle (MB) | RSS peak under load (MB) |',
      '|---|---|---|',
      ...Object.keys(idle).map((name) => `| ${name} | ${idle[name]} | ${peak[name]} |`),
    ].join('\n');
  } finally {
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchmarkSearch()
    .then((report) => console.log(report))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
