import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { CaseStudyEventTypes, DoctorEventTypes, MAX_MONEY_AMOUNT } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { orderedPushdownFor, pageWindow, UploadReservationRepository } from '@arogyam/persistence';
import {
  planOfPage,
  startServiceUnderTest,
  unindexedQueriesOf,
  type RecordedQuery,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { CaseStudyRepository } from '../src/case-studies/case-study.repository';
import { caseStudyContent } from '../src/case-studies/case-study-content';
import { doctorService } from '../src/doctor-service';
import { DoctorRepository, listedDoctorsMatching, SEARCH_ORDERS } from '../src/profiles/doctor.repository';
import { NEVER_COMPUTED, NO_FREE_TIME } from '../src/profiles/doctor.schema';
import { doctorSearchKeys } from '../src/profiles/doctor-search-keys';
import { ReviewRepository } from '../src/reviews/review.repository';
import type { DoctorSearchSort } from '@arogyam/contracts';
import type { DoctorSearchCriteria } from '../src/search/doctor-search-criteria';

const inAWeek = (): DoctorSearchCriteria['firstFreeBetween'] => ({
  from: new Date(),
  before: new Date(Date.now() + 7 * 86_400_000),
});

/** Searches one declared index serves alone: specialization (with or without city), city, language, a short and a long name prefix. */
const EACH_CRITERION: DoctorSearchCriteria[] = [
  { specializationKey: 'dermatology', cityKey: 'bengaluru' },
  { specializationKey: 'dermatology' },
  { cityKey: 'bengaluru' },
  { languageKey: 'kannada' },
  { namePrefix: 'me' },
  { namePrefix: 'meera iyer-krishnan' },
  { gender: 'female' },
  { feeRange: { min: 30000, max: 60000 } },
  { firstFreeBetween: inAWeek() },
];

const SORTS: DoctorSearchSort[] = ['relevance', 'soonest', 'fee', 'rating', 'experience'];

/** A page a repository read: the sorted `find` it sent, as sent. */
interface SentPage {
  collection: string;
  filter: Record<string, unknown>;
  sort: Record<string, 1 | -1>;
  comment?: string;
}

/**
 * Whether the database's plan for the page narrows by one of `fields` in an index's condition
 * (FerretDB: PostgreSQL's Index Cond; MongoDB: the scanned index's key pattern), rather than
 * reading an index of other fields and filtering each row.
 */
async function indexNarrowsBy(
  connection: Connection,
  collection: string,
  filter: Record<string, unknown>,
  page: Pick<SentPage, 'sort' | 'comment'>,
  fields: string[],
): Promise<boolean> {
  let cursor = connection.db!.collection(collection).find(filter).sort(page.sort).limit(20);
  if (page.comment) cursor = cursor.comment(page.comment);
  const explained = JSON.stringify(await cursor.explain());
  const conditions = [...explained.matchAll(/"Index Cond":"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]);
  const keyPatterns = [...explained.matchAll(/"keyPattern":(\{[^}]*\})/g)].map((match) => match[1]);
  return fields.some(
    (field) =>
      conditions.some((condition) => condition.includes(`'${field}'`)) ||
      keyPatterns.some((pattern) => pattern.includes(`"${field}"`)),
  );
}

/** The sorted `find`s `work` sends on `connection` (mongoose's debug hook: filter, then options). */
async function pagesSentBy(connection: Connection, work: () => Promise<unknown>): Promise<SentPage[]> {
  const pages: SentPage[] = [];
  connection.set('debug', (collection: string, operation: string, ...args: unknown[]) => {
    const options = args.find(
      (arg): arg is { sort: Record<string, 1 | -1>; comment?: string } =>
        typeof arg === 'object' && arg !== null && 'sort' in arg,
    );
    if (operation === 'find' && options)
      pages.push({
        collection,
        filter: args[0] as Record<string, unknown>,
        sort: options.sort,
        comment: options.comment,
      });
  });
  try {
    await work();
  } finally {
    connection.set('debug', false);
  }
  return pages;
}

/** Every query each repository of doctor-service sends is served by an index (query-plans.ts). */
describe('doctor-service query plans', () => {
  let service: ServiceUnderTest;
  let connection: Connection;

  beforeAll(async () => {
    service = await startServiceUnderTest(doctorService);
    connection = service.app.get<Connection>(getConnectionToken());
    // Mongoose builds the declared indexes in the background after connecting.
    await Promise.all(Object.values(connection.models).map((model) => model.init()));
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('serves every query of doctors from an index', async () => {
    const doctors = service.app.get(DoctorRepository);
    const doctorId = randomUUID();
    const profile = {
      email: `${doctorId}@clinic.example`,
      fullName: 'Meera Iyer',
      specialization: 'Dermatology',
      licenseNumber: 'KMC-1',
      yearsOfExperience: 9,
      consultationFee: { amount: 50000, currency: 'INR' },
      city: 'Bengaluru',
      languages: ['Kannada'],
    };
    // Every combination of criteria a search can name, and none: each narrows by an index; the
    // last reads every listed doctor through it (docs/decisions.md, "Doctor search").
    const searches: DoctorSearchCriteria[] = [
      ...EACH_CRITERION,
      { specializationKey: 'dermatology', cityKey: 'bengaluru', languageKey: 'kannada', namePrefix: 'iy' },
      { cityKey: 'bengaluru', namePrefix: 'meera' },
      { specializationKey: 'dermatology', gender: 'female', feeRange: { min: 0, max: 100000 } },
      { cityKey: 'bengaluru', firstFreeBetween: inAWeek(), feeRange: { min: 50000, max: MAX_MONEY_AMOUNT } },
      {},
    ];
    // A doctor as stored before name prefixes existed, for the one-off backfill to find.
    const olderKeys = doctorSearchKeys(profile);
    delete olderKeys.namePrefixes;
    await service.db
      .collection('doctors')
      .insertOne({ _id: randomUUID() as never, ...profile, ...olderKeys });
    /**
     * The one-off backfill (maintenance/add-name-prefixes.ts, never run by the service) reads the
     * whole collection on purpose: no index can find the doctors that lack a field. Its writes go
     * by `_id` and are checked.
     */
    const backfillRead = (query: RecordedQuery): boolean =>
      query.operation === 'find' && JSON.stringify(query.filter) === '{"namePrefixes":{"$exists":false}}';
    const unserved = await unindexedQueriesOf(
      connection,
      async () => {
        await doctors.createOnce(doctorId, { ...profile, ...doctorSearchKeys(profile) });
        await doctors.findById(doctorId);
        await doctors.listingStatusOf(doctorId);
        await doctors.patch(doctorId, { city: 'Mysuru', ...doctorSearchKeys({ city: 'Mysuru' }) }, [
          'fullName',
        ]);
        await doctors.recordVerification(
          doctorId,
          { decision: 'approved', decidedBy: 'admin-1', decidedAt: new Date() },
          createEvent(DoctorEventTypes.verified, { doctorId, decision: 'approved', decidedBy: 'admin-1' }),
        );
        await doctors.verificationQueue('pending', pageWindow({}));
        await doctors.resubmitVerification(doctorId, new Date());
        await doctors.addDocument(doctorId, {
          id: 'document-1',
          fileName: 'certificate.pdf',
          contentType: 'application/pdf',
          size: 1000,
          uploadedAt: new Date(),
        });
        await doctors.removeDocument(doctorId, 'document-1');
        await doctors.recordRating(doctorId, 4.5, 2);
        await doctors.applyAccountStatus(doctorId, 'suspended', new Date());
        for (const criteria of searches)
          for (const sort of SORTS) await doctors.pageOfListed(criteria, sort, pageWindow({}));
        await doctors.recordNextFree(doctorId, new Date(Date.now() + 3_600_000), new Date());
        await doctors.recordNextFree(doctorId, null, new Date());
        await doctors.listedWithPassedNextFree(new Date(), 200);
        await doctors.listedWithoutFreeTimeCheckedBefore(new Date(), 100);
        expect(await doctors.addMissingNamePrefixes()).toBe(1);
        // The one-off fill of `listedNamePrefixes` reads the listed doctors through their index.
        await doctors.fillNamePrefixListing();
      },
      backfillRead,
    );
    expect(unserved).toEqual([]);
  });

  it('declares, for each key a search names, an index holding it with the listed doctors’ fields', async () => {
    // "Served by an index" above would also pass with only the listed doctors' part of an index
    // and the key checked row by row. Which of the fitting indexes PostgreSQL picks depends on
    // statistics a test-sized collection does not have (the plans at 10,000 doctors are in
    // docs/decisions.md, "Doctor search"), so this checks that a fitting one exists.
    const declared = (await connection.db!.collection('doctors').indexes()).map((index) =>
      Object.keys(index.key),
    );
    const criteria = EACH_CRITERION;
    for (const search of criteria) {
      // The filter's equality, `$in` and range fields: what FerretDB pushes down (the long name's
      // check is not one).
      const isRange = (value: unknown): boolean =>
        typeof value === 'object' &&
        value !== null &&
        Object.keys(value).length > 0 &&
        Object.keys(value).every((op) => ['$gt', '$gte', '$lt', '$lte'].includes(op));
      const equalities = Object.entries(listedDoctorsMatching(search))
        .filter(
          ([, value]) =>
            typeof value === 'string' || Array.isArray((value as { $in?: unknown })?.$in) || isRange(value),
        )
        .map(([field]) => field);
      expect({
        search,
        equalities,
        fitting: declared.some((keys) => equalities.every((f) => keys.includes(f))),
      }).toEqual({
        search,
        equalities: expect.arrayContaining(['verificationStatus', 'accountStatus']),
        fitting: true,
      });
      expect(equalities.length).toBeGreaterThan(2);
    }
  });

  it('reads a page of a search by specialization, city, both, gender, fee range, free time, a name prefix or none from an index in its order', async () => {
    // Enough listed doctors that sorting every match would be the other plan.
    await service.db.collection('doctors').insertMany(
      Array.from({ length: 400 }, (_, i) => {
        const fields = {
          fullName: `Dr Asha ${i}`,
          specialization: i % 2 === 0 ? 'Dermatology' : 'Cardiology',
          city: i % 3 === 0 ? 'Bengaluru' : 'Pune',
          languages: ['Kannada'],
          consultationFee: { amount: 30000 + (i % 20) * 5000, currency: 'INR' as const },
        };
        const nextAvailableAt = i % 4 === 0 ? undefined : new Date(Date.now() + (i % 97) * 3_600_000);
        return {
          _id: randomUUID(),
          email: `ordered-${i}@clinic.example`,
          licenseNumber: `KMC-${i}`,
          yearsOfExperience: i % 40,
          ...fields,
          ...doctorSearchKeys(fields),
          gender: i % 2 === 0 ? 'female' : 'male',
          ...(nextAvailableAt ? { nextAvailableAt } : {}),
          soonestOrder: nextAvailableAt ? nextAvailableAt.getTime() : NO_FREE_TIME,
          nextAvailableComputedAt: i % 8 === 0 ? NEVER_COMPUTED : new Date(),
          verificationStatus: 'approved',
          accountStatus: 'active',
          rating: (i % 50) / 10,
          reviewCount: i % 30,
          createdAt: new Date(),
          updatedAt: new Date(),
        };
      }) as never[],
    );
    const model = connection.models.Doctor;
    const searches: [DoctorSearchCriteria, DoctorSearchSort][] = [
      [{ specializationKey: 'dermatology', cityKey: 'bengaluru' }, 'relevance'],
      [{ specializationKey: 'dermatology' }, 'relevance'],
      [{ cityKey: 'bengaluru' }, 'relevance'],
      [{ gender: 'female' }, 'relevance'],
      [{}, 'relevance'],
      // The patient's other orders over every listed doctor, and the sweep's walk of the doctors
      // with nothing free (its equality then the rest of the "soonest" order).
      [{}, 'soonest'],
      [{ specializationKey: 'dermatology' }, 'soonest'],
      [{}, 'fee'],
      [{}, 'experience'],
      // A fee range cheapest first and "free this week" soonest first: a stretch of the fee and
      // soonest indexes, read in order (ranges pushed down, tools/ferretdb patch 13).
      [{ feeRange: { min: 40000, max: 60000 } }, 'fee'],
      [{ firstFreeBetween: inAWeek() }, 'soonest'],
    ];
    for (const [search, sort] of searches) {
      const filter = listedDoctorsMatching(search) as Record<string, unknown>;
      const plan = await planOfPage(connection, 'doctors', filter, {
        sort: SEARCH_ORDERS[sort],
        comment: orderedPushdownFor(model, filter),
      });
      expect({ search, sort, plan }).toMatchObject({
        search,
        sort,
        plan: { fullScan: false, sortedAfterScan: false },
      });
    }
    const nothingFree = { ...listedDoctorsMatching({}), soonestOrder: NO_FREE_TIME } as Record<
      string,
      unknown
    >;
    expect(
      await planOfPage(connection, 'doctors', nothingFree, {
        sort: SEARCH_ORDERS.soonest,
        comment: orderedPushdownFor(model, nothingFree),
      }),
    ).toMatchObject({ fullScan: false, sortedAfterScan: false });

    // A name prefix alone, matching a few ("12": Dr Asha 12, 120…129): whatever the repository
    // reads the page from, it reads it in order and stops. (On `doctors`, `namePrefixes` is an array
    // matched through GIN, and PostgreSQL sorts the matches; walking the listing order and
    // filtering is its plan only for a prefix most doctors have.)
    const repository = service.app.get(DoctorRepository);
    await repository.fillNamePrefixListing();
    const byName = async (): Promise<void> => {
      const found = await repository.pageOfListed(
        { namePrefix: '12' },
        'relevance',
        pageWindow({ limit: 5 }),
      );
      expect(found.documents).toHaveLength(5);
      expect(found.total).toBe(11);
    };
    const pages = await pagesSentBy(connection, byName);
    expect(pages).toHaveLength(1);
    for (const { collection, filter, sort, comment } of pages) {
      const plan = await planOfPage(connection, collection, filter, { sort, comment });
      // Narrowed by the name in the index itself, not every listed doctor walked and filtered (at
      // this size a walk of the listing order is what PostgreSQL picks for the old `doctors` query).
      const narrowedByName = await indexNarrowsBy(connection, collection, filter, { sort, comment }, [
        'prefix',
        'namePrefixes',
      ]);
      expect({ collection, plan, narrowedByName }).toMatchObject({
        collection,
        plan: { fullScan: false, sortedAfterScan: false },
        narrowedByName: true,
      });
    }
  }, 120_000);

  it('serves every query of reviews from an index', async () => {
    const reviews = service.app.get(ReviewRepository);
    const doctorId = randomUUID();
    const appointmentId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await reviews.insert({
        _id: appointmentId,
        doctorId,
        patientId: randomUUID(),
        reviewerName: 'Arjun D.',
        rating: 4,
        outbox: [],
      });
      await reviews.findById(appointmentId);
      await reviews.pageOfDoctor(doctorId, pageWindow({}));
      await reviews.countsPerStar(doctorId);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of uploadReservations from an index', async () => {
    const reservations = service.app.get(UploadReservationRepository);
    const documentId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await reservations.reserve(documentId, randomUUID(), new Date());
      await reservations.reservedBefore(new Date(Date.now() + 60_000));
      await reservations.release(documentId);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of case studies from an index', async () => {
    const cases = service.app.get(CaseStudyRepository);
    const id = randomUUID();
    const authorId = randomUUID();
    const content = caseStudyContent(
      { title: 'Syncope with heart block', specialty: 'Cardiology', tags: ['syncope'] },
      'Dr Meera Iyer',
    );
    const window = pageWindow({});
    const unserved = await unindexedQueriesOf(connection, async () => {
      await cases.insert({ _id: id, authorId, status: 'draft', ...content });
      const stored = await cases.findById(id);
      await cases.updateContent(id, authorId, content);
      await cases.changeStatus(
        id,
        ['draft', 'returned'],
        { authorId, updatedAt: stored!.updatedAt },
        { status: 'submitted', submittedAt: new Date() },
        createEvent(CaseStudyEventTypes.submitted, { caseStudyId: id, authorId }),
      );
      await cases.changeStatus(
        id,
        ['submitted'],
        {},
        { status: 'published', publishedAt: new Date() },
        createEvent(CaseStudyEventTypes.published, { caseStudyId: id, authorId }),
      );
      await cases.countRead(id);
      await cases.pageOfAuthor(authorId, window);
      await cases.pageOfStatus('submitted', window);
      for (const order of ['newest', 'most_read'] as const) {
        await cases.pageOfPublished({}, order, window);
        await cases.pageOfPublished({ specialtyKey: 'cardiology' }, order, window);
        await cases.pageOfPublished({ tag: 'syncope' }, order, window);
        await cases.pageOfPublished({ prefixes: ['sync'] }, order, window);
        await cases.pageOfPublished({ prefixes: ['sync', 'heart'] }, order, window);
        await cases.pageOfPublished({ authorId }, order, window);
      }
    });
    expect(unserved).toEqual([]);
  });
});
