/**
 * How long a search takes at 1,000 and 10,000 listed doctors (docs/decisions.md, "Doctor search"),
 * or at the sizes SEARCH_TIMING_SIZES lists (e.g. `50000`). Not part of the test suite (the name
 * does not end in .spec.ts); run it on its own:
 *
 *   npx jest -c apps/doctor-service/jest.config.js --testMatch '**\/search-timing.measure.ts'
 *
 * FerretDB on a PostgreSQL cluster of its own with the settings `npm start` uses (test runs turn
 * sequential scans off, which would distort the search that reads every listed doctor). Doctors
 * are written straight into the collection, shaped as benchmarks/search.mjs seeds them.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { DoctorSearchQueryDto } from '@arogyam/contracts';
import { orderedPushdownFor } from '@arogyam/persistence';
import {
  explainFilter,
  startLocalInfra,
  startServiceUnderTest,
  type Infra,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { doctorService } from '../src/doctor-service';
import { isNamePrefixAlone, listedDoctorsMatching, SEARCH_ORDERS } from '../src/profiles/doctor.repository';
import { NO_FREE_TIME } from '../src/profiles/doctor.schema';
import { doctorSearchKeys, namePrefixOf } from '../src/profiles/doctor-search-keys';
import { NAME_PREFIX_LISTING_ORDER } from '../src/profiles/listed-name-prefix.schema';
import { namePrefixRowsOf, type NamePrefixListingFields } from '../src/profiles/listed-name-prefixes';
import { criteriaOf } from '../src/search/doctor-search-criteria';
import { DoctorSearchService } from '../src/search/doctor-search.service';

// The sample directory the benchmarks seed (benchmarks/lib/sample-doctors.json).
const sample = JSON.parse(
  readFileSync(`${__dirname}/../../../benchmarks/lib/sample-doctors.json`, 'utf8'),
) as Record<'specializations' | 'cities' | 'languages' | 'first' | 'last', string[]>;
const SPECIALIZATIONS = sample.specializations.slice(0, 5);
const MORE_SPECIALIZATIONS = sample.specializations.slice(5);
const { cities: CITIES, languages: LANGUAGES, first: FIRST, last: LAST } = sample;
const pick = <T>(list: T[], i: number): T => list[i % list.length];

/** A listed doctor as benchmarks/search.mjs seeds one, with the search keys the service writes. */
function doctorDocument(i: number): Record<string, unknown> {
  const fullName = `Dr ${pick(FIRST, i)} ${pick(LAST, Math.floor(i / 12))}`;
  const specialization = pick([...SPECIALIZATIONS, ...MORE_SPECIALIZATIONS], i);
  const city = pick(CITIES, Math.floor(i / 10));
  const languages = [pick(LANGUAGES, i), pick(LANGUAGES, i + 3)];
  const consultationFee = { amount: 30000 + (i % 20) * 5000, currency: 'INR' as const };
  const now = new Date();
  // A fifth with nothing free in the lookahead; the others free within the next two weeks.
  const nextAvailableAt =
    i % 5 === 0 ? undefined : new Date(now.getTime() + ((i * 7919) % 1344) * 15 * 60_000);
  return {
    _id: randomUUID(),
    email: `doctor${i}@bench.test`,
    fullName,
    accountStatus: 'active',
    specialization,
    licenseNumber: `BENCH-${i}`,
    yearsOfExperience: i % 40,
    consultationFee,
    city,
    languages,
    gender: i % 2 === 0 ? 'female' : 'male',
    ...(nextAvailableAt ? { nextAvailableAt } : {}),
    soonestOrder: nextAvailableAt ? nextAvailableAt.getTime() : NO_FREE_TIME,
    nextAvailableComputedAt: now,
    verificationStatus: 'approved',
    rating: (i % 50) / 10,
    reviewCount: i % 300,
    ...doctorSearchKeys({ fullName, specialization, city, languages, consultationFee }),
    outbox: [],
    createdAt: now,
    updatedAt: now,
  };
}

const SEARCHES: [name: string, query: DoctorSearchQueryDto][] = [
  ['specialization + city', { specialization: 'cardiology', city: 'Pune' }],
  ['name prefix "dr meera iy"', { q: 'dr meera iy' }],
  ['name prefix "meera"', { q: 'meera' }],
  // What the growth benchmark asks: three letters of a surname.
  ['name prefix "meh"', { q: 'meh' }],
  ['no criteria', {}],
  // Issue 15, item 3: the other orders, and the filters that are ranges (buckets) or gender.
  ['soonest first', { sort: 'soonest' }],
  ['cheapest first', { sort: 'fee' }],
  ['most experienced first', { sort: 'experience' }],
  ['free this week, soonest first', { available: 'week', tz: 'Asia/Kolkata', sort: 'soonest' }],
  ['free today', { available: 'today', tz: 'Asia/Kolkata' }],
  ['fee ₹400–₹600, cheapest first', { minFee: 40000, maxFee: 60000, sort: 'fee' }],
  ['female, most experienced first', { gender: 'female', sort: 'experience' }],
  ['specialization + soonest first', { specialization: 'cardiology', sort: 'soonest' }],
  [
    'specialization + city + fee ₹400–₹600',
    { specialization: 'cardiology', city: 'Pune', minFee: 40000, maxFee: 60000 },
  ],
];

const SIZES = (process.env.SEARCH_TIMING_SIZES ?? '1000,10000').split(',').map(Number);

/** Searches measured per query (after one to warm up); fewer where each reads every listed doctor. */
const runsOf = (query: DoctorSearchQueryDto): number => (Object.keys(query).length === 0 ? 5 : 30);

/** CPU seconds a process and its children (PostgreSQL serves each connection from one) have used. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const ticks = (stat: string): number => {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  };
  try {
    let total = ticks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) {
        try {
          total += ticks(readFileSync(`/proc/${child}/stat`, 'utf8'));
        } catch {
          // The child ended meanwhile: its time is in the parent's cutime now.
        }
      }
    }
    return total / 100;
  } catch {
    return NaN;
  }
}
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

describe('search timing', () => {
  let infra: Infra;
  let service: ServiceUnderTest;
  let connection: Connection;
  let seeded = 0;

  beforeAll(async () => {
    infra = await startLocalInfra();
    process.env.MONGO_URL = infra.mongoUrl;
    // No appointment-service here: the next-free sweep, which asks it, is off.
    service = await startServiceUnderTest(doctorService, { NEXT_FREE_SWEEP_SECONDS: '0' });
    connection = service.app.get<Connection>(getConnectionToken());
    await Promise.all(Object.values(connection.models).map((model) => model.init()));
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    await infra?.stop();
  });

  const seedUpTo = async (count: number): Promise<void> => {
    for (; seeded < count; seeded += 1000) {
      const size = Math.min(1000, count - seeded);
      const doctors = Array.from({ length: size }, (_, k) => doctorDocument(seeded + k));
      await service.db.collection('doctors').insertMany(doctors as never[]);
      // Their rows in the name-prefix index, as the service keeps them (all are listed).
      await service.db
        .collection('listedNamePrefixes')
        .insertMany(
          doctors.flatMap((doctor) =>
            namePrefixRowsOf(doctor as unknown as NamePrefixListingFields),
          ) as never[],
        );
    }
    // PostgreSQL's autovacuum analyses the grown table within its naptime (60 s): plans as in a running system.
    await new Promise((resolve) => setTimeout(resolve, 65_000));
  };

  const measure = async (count: number): Promise<void> => {
    await seedUpTo(count);
    const search = service.app.get(DoctorSearchService);
    const lines: string[] = [];
    const databaseCpu = (): number => cpuSeconds(infra.pids?.mongo) + cpuSeconds(infra.pids?.postgres);
    for (const [name, query] of SEARCHES) {
      await search.search(query);
      const times: number[] = [];
      let total = 0;
      const runs = runsOf(query);
      const cpuBefore = databaseCpu();
      for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        total = (await search.search(query)).total;
        times.push(performance.now() - started);
      }
      const cpuPerSearch = ((databaseCpu() - cpuBefore) / runs) * 1000;
      times.sort((a, b) => a - b);
      const criteria = criteriaOf(query);
      const sort = query.sort ?? 'relevance';
      // A name alone is read from the name-prefix index (doctor.repository.ts, pageByNamePrefix).
      const [collection, filter, order, model] = isNamePrefixAlone(criteria, sort)
        ? [
            'listedNamePrefixes',
            { prefix: namePrefixOf(criteria.namePrefix!) } as Record<string, unknown>,
            NAME_PREFIX_LISTING_ORDER,
            connection.models.ListedNamePrefix,
          ]
        : [
            'doctors',
            listedDoctorsMatching(criteria) as Record<string, unknown>,
            SEARCH_ORDERS[sort],
            connection.models.Doctor,
          ];
      const plan = await explainFilter(connection, collection, filter);
      const explained = JSON.stringify(await connection.db!.collection(collection).find(filter).explain());
      // The fields the index scan narrows by (FerretDB on PostgreSQL: the plan's Index Cond).
      const indexCondition = /"Index Cond":"((?:[^"\\]|\\.)*)"/.exec(explained)?.[1] ?? '';
      const narrowedBy = [...indexCondition.matchAll(/-> '(\w+)'::text/g)].map((match) => match[1]);
      // The page as the repository asks for it: does the database walk an index in the search's order?
      const page = JSON.stringify(
        await connection
          .db!.collection(collection)
          .find(filter)
          .sort(order)
          .limit(20)
          .comment(orderedPushdownFor(model, filter))
          .explain(),
      );
      const pageOrder = page.includes('"Node Type":"Sort"') ? 'sorted after the scan' : 'in index order';
      lines.push(
        `${count} listed, ${name}: ${total} match, p50 ${percentile(times, 0.5).toFixed(1)} ms, ` +
          `p95 ${percentile(times, 0.95).toFixed(1)} ms, database CPU ${cpuPerSearch.toFixed(1)} ms/search; ` +
          `plan: ${plan.fullScan ? 'sequential scan' : `${plan.indexes.join(', ')} on ${narrowedBy.join(', ')}`}; ` +
          `page ${pageOrder}`,
      );
    }
    lines.push(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    console.log(lines.join('\n'));
  };

  for (const size of SIZES)
    it(`at ${size.toLocaleString('en')} listed doctors`, () => measure(size), 3_600_000);
});
