import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { JSONCodec, type Subscription } from 'nats';
import {
  DOCTOR_DIRECTORY_CHANGED,
  DoctorAvailabilityEventTypes,
  DoctorSubjects,
  UserEventTypes,
  type DoctorNextFreeChangedPayload,
  type CreateDoctorProfileMessage,
  type DoctorProfileView,
  type DoctorSearchQueryDto,
  type DoctorSummary,
  type Page,
  type UserStatusChangedPayload,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { createServiceApp, loadConfig } from '@arogyam/service-kit';
import { natsEnv, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { DoctorServiceConfig } from '../src/config/doctor-service.config';
import { doctorService } from '../src/doctor-service';
import { DoctorRepository } from '../src/profiles/doctor.repository';
import { doctorSearchKeys } from '../src/profiles/doctor-search-keys';
import { DoctorSearchService } from '../src/search/doctor-search.service';
import { VerificationService } from '../src/verification/verification.service';

/**
 * Search reads the database, so whichever instance made a change, every instance's next search
 * shows it: no waiting, no read model to refresh. Two instances in one queue group on one
 * database; each test uses a city of its own, so the others' doctors do not get in the way.
 */
describe('doctor search', () => {
  let first: ServiceUnderTest;
  let second: INestMicroservice;
  let notices: Subscription;
  const noticed: { id: string; origin: string }[] = [];

  beforeAll(async () => {
    // No appointment-service here: the sweep, which asks it, is off (its queries are tested below).
    first = await startServiceUnderTest(doctorService, {
      INSTANCE_ID: 'first',
      NEXT_FREE_SWEEP_SECONDS: '0',
    });
    const config = loadConfig(DoctorServiceConfig, {
      NEXT_FREE_SWEEP_SECONDS: '0',
      MONGO_URL: first.infra.mongoUrl,
      MONGO_DB: first.dbName,
      ...natsEnv(first.infra, 'doctor'),
      INSTANCE_ID: 'second',
      LOG_LEVEL: 'error',
    });
    second = await createServiceApp(doctorService, config);
    await second.listen();
    const codec = JSONCodec<{ id: string; origin: string }>();
    notices = first.nats.subscribe(DOCTOR_DIRECTORY_CHANGED, {
      callback: (error, message) => {
        if (!error) noticed.push(codec.decode(message.data));
      },
    });
  });

  afterAll(async () => {
    notices?.unsubscribe();
    await second?.close();
    await first?.stop();
  });

  const profileFields = (overrides: Partial<CreateDoctorProfileMessage>): CreateDoctorProfileMessage => ({
    userId: randomUUID(),
    email: `${randomUUID().slice(0, 8)}@clinic.example`,
    fullName: 'Girish Nephro',
    specialization: 'Nephrology',
    licenseNumber: 'KMC-77777',
    yearsOfExperience: 10,
    consultationFee: { amount: 70000, currency: 'INR' },
    city: 'Mysuru',
    languages: ['Kannada'],
    ...overrides,
  });
  const createProfile = (overrides: Partial<CreateDoctorProfileMessage>): Promise<DoctorProfileView> =>
    first.rpc.send(DoctorSubjects.createProfile, profileFields(overrides));
  const approve = (doctorId: string): Promise<DoctorProfileView> =>
    first.rpc.send(DoctorSubjects.verify, { doctorId, actorId: 'admin-1', decision: 'approved' });
  const approvedDoctor = async (overrides: Partial<CreateDoctorProfileMessage>): Promise<DoctorProfileView> =>
    approve((await createProfile(overrides)).id);

  /** The prefixes under which `listedNamePrefixes` holds the doctor. */
  const namePrefixRowsOf = async (doctorId: string): Promise<string[]> =>
    (await first.db.collection('listedNamePrefixes').find({ doctorId }).toArray()).map((row) => row.prefix);

  /** Each instance's search, called on that instance itself. */
  const searchOn = (instance: INestMicroservice, query: DoctorSearchQueryDto): Promise<Page<DoctorSummary>> =>
    instance.get(DoctorSearchService).search(query);
  const namesOn = async (instance: INestMicroservice, query: DoctorSearchQueryDto): Promise<string[]> =>
    (await searchOn(instance, query)).items.map((doctor) => doctor.fullName);
  /** Over NATS: the queue group spreads the searches over both instances. */
  const names = async (query: DoctorSearchQueryDto): Promise<string[]> =>
    (await first.rpc.send<Page<DoctorSummary>>(DoctorSubjects.search, query)).items.map(
      (doctor) => doctor.fullName,
    );

  it('finds a doctor approved through one instance at once through the other, and tells the gateways', async () => {
    const created = await createProfile({ fullName: 'Girish Nephro', city: 'Hassan' });
    expect(await namesOn(second, { city: 'Hassan' })).toEqual([]);

    await first.app.get(VerificationService).decide({
      doctorId: created.id,
      actorId: 'admin-1',
      decision: 'approved',
    });

    expect(await namesOn(second, { city: 'Hassan' })).toEqual(['Girish Nephro']);
    expect(await namesOn(first.app, { city: 'Hassan' })).toEqual(['Girish Nephro']);
    const overNats = await Promise.all(
      Array.from({ length: 10 }, () => names({ q: 'giri', city: 'hassan' })),
    );
    expect(overNats).toEqual(Array.from({ length: 10 }, () => ['Girish Nephro']));
    await waitFor(
      async () => noticed.some((notice) => notice.id === created.id && notice.origin === 'first'),
      5000,
      'the listing change notice from the instance that approved',
    );
  });

  it('hides a suspended doctor at once on every instance, and shows them again on reactivation', async () => {
    const doctor = await approvedDoctor({ fullName: 'Sunita Suspended', city: 'Udupi' });
    const statusEvent = async (type: string, occurredAt: Date): Promise<void> => {
      const payload: UserStatusChangedPayload = { userId: doctor.id, role: 'doctor' };
      await first.events.publish({ ...createEvent(type, payload), occurredAt: occurredAt.toISOString() });
    };
    /** The status as stored (the admins' view reads the profile by id). */
    const accountStatusIs = (status: string) => async (): Promise<boolean> =>
      (await first.rpc.send<DoctorProfileView>(DoctorSubjects.getProfileForService, { doctorId: doctor.id }))
        .accountStatus === status;

    expect(await namesOn(second, { q: 'sunita' })).toEqual(['Sunita Suspended']);
    await statusEvent(UserEventTypes.suspended, new Date(Date.now() - 1000));
    await waitFor(accountStatusIs('suspended'), 10000, 'the suspension to be stored');
    expect(await namesOn(first.app, { city: 'Udupi' })).toEqual([]);
    expect(await namesOn(second, { city: 'Udupi' })).toEqual([]);
    expect(await namesOn(second, { q: 'sunita' })).toEqual([]);
    // Out of the name-prefix index too, not only filtered out of the answer.
    await waitFor(
      async () => (await namePrefixRowsOf(doctor.id)).length === 0,
      5000,
      'the suspended doctor’s name-prefix rows to go',
    );
    await waitFor(
      async () => noticed.filter((notice) => notice.id === doctor.id).length >= 2,
      5000,
      'the notices of the approval and the suspension',
    );

    await statusEvent(UserEventTypes.reactivated, new Date());
    await waitFor(accountStatusIs('active'), 10000, 'the reactivation to be stored');
    expect(await namesOn(first.app, { city: 'Udupi' })).toEqual(['Sunita Suspended']);
    expect(await namesOn(second, { city: 'Udupi' })).toEqual(['Sunita Suspended']);
    // The name-prefix rows are written just after the status (and before the change notice).
    await waitFor(
      async () => (await namesOn(second, { q: 'sunita' })).length === 1,
      5000,
      'the reactivated doctor to be found by name alone',
    );
  });

  it('keeps a search by name alone in step with renames, ratings and verification decisions', async () => {
    const alpha = await approvedDoctor({ fullName: 'Quentin Alpha', city: 'Sirsi' });
    const beta = await approvedDoctor({ fullName: 'Quentin Beta', city: 'Sirsi' });
    expect(await names({ q: 'quentin' })).toEqual(['Quentin Alpha', 'Quentin Beta']);

    // A better rating moves a doctor up the name search's listing order.
    await first.app.get(DoctorRepository).recordRating(beta.id, 4.5, 2);
    expect(await names({ q: 'quentin' })).toEqual(['Quentin Beta', 'Quentin Alpha']);

    await first.rpc.send(DoctorSubjects.updateOwnProfile, {
      actor: { userId: alpha.id, role: 'doctor' },
      body: { fullName: 'Xavier Alpha' },
    });
    expect(await names({ q: 'quentin' })).toEqual(['Quentin Beta']);
    expect(await names({ q: 'xav' })).toEqual(['Xavier Alpha']);
    expect(await names({ q: 'alpha' })).toEqual(['Xavier Alpha']);
    // One row per stored prefix, the old name's gone.
    const stored = await first.db.collection('doctors').findOne({ _id: alpha.id as never });
    expect((await namePrefixRowsOf(alpha.id)).sort()).toEqual([...(stored?.namePrefixes ?? [])].sort());

    await first.app.get(VerificationService).decide({
      doctorId: beta.id,
      actorId: 'admin-1',
      decision: 'rejected',
      note: 'The licence number does not match the council register.',
    });
    expect(await names({ q: 'quentin' })).toEqual([]);
    expect(await namePrefixRowsOf(beta.id)).toEqual([]);
  });

  describe('filters', () => {
    beforeAll(async () => {
      const roster: [fullName: string, specialization: string, languages: string[]][] = [
        ['Venkataramanan Subrahmanyam', 'Cardiology', ['Tamil', 'English']],
        ['Venkataraman Iyer', 'Cardiology', ['Tamil']],
        ['Sara Venkat', 'Dermatology', ['English']],
        ['Anil Kumar', 'Dermatology', ['Hindi', 'English']],
      ];
      for (const [fullName, specialization, languages] of roster)
        await approvedDoctor({ fullName, specialization, languages, city: 'Vellore' });
      // Same specialization and name elsewhere, and one not approved: neither may show below.
      await approvedDoctor({ fullName: 'Anil Kumar', specialization: 'Dermatology', city: 'Salem' });
      await createProfile({ fullName: 'Anil Pending', specialization: 'Dermatology', city: 'Vellore' });
    });

    const inVellore = (query: DoctorSearchQueryDto): Promise<string[]> =>
      names({ city: 'Vellore', ...query });

    it('on specialization, city and language, whatever their case and spacing', async () => {
      expect(await inVellore({ specialization: ' CARDIOLOGY' })).toEqual([
        'Venkataraman Iyer',
        'Venkataramanan Subrahmanyam',
      ]);
      expect(await names({ city: ' VELLORE ' })).toEqual([
        'Anil Kumar',
        'Sara Venkat',
        'Venkataraman Iyer',
        'Venkataramanan Subrahmanyam',
      ]);
      expect(await inVellore({ language: 'english' })).toEqual([
        'Anil Kumar',
        'Sara Venkat',
        'Venkataramanan Subrahmanyam',
      ]);
      expect(await inVellore({ specialization: 'dermatology', language: 'Hindi' })).toEqual(['Anil Kumar']);
      expect(await inVellore({ specialization: 'Cardio' })).toEqual([]);
      expect(await names({ specialization: 'dermatology', q: 'anil' })).toEqual(['Anil Kumar', 'Anil Kumar']);
    });

    it('on a prefix of the whole name or of any word of it', async () => {
      expect(await inVellore({ q: 'S' })).toEqual(['Sara Venkat', 'Venkataramanan Subrahmanyam']);
      expect(await inVellore({ q: 'venkat' })).toEqual([
        'Sara Venkat',
        'Venkataraman Iyer',
        'Venkataramanan Subrahmanyam',
      ]);
      expect(await inVellore({ q: 'SUBRAH' })).toEqual(['Venkataramanan Subrahmanyam']);
      expect(await inVellore({ q: 'sara v' })).toEqual(['Sara Venkat']);
      expect(await inVellore({ q: 'kumar', language: 'hindi' })).toEqual(['Anil Kumar']);
      expect(await inVellore({ q: 'enkat' })).toEqual([]);
      expect(await inVellore({ q: 'anil kumar x' })).toEqual([]);
    });

    it('on a prefix longer than the stored prefixes, exactly', async () => {
      // Both names start with the same 12 characters, "venkataraman".
      expect(await inVellore({ q: 'venkataraman' })).toEqual([
        'Venkataraman Iyer',
        'Venkataramanan Subrahmanyam',
      ]);
      expect(await inVellore({ q: 'Venkataramana' })).toEqual(['Venkataramanan Subrahmanyam']);
      expect(await inVellore({ q: 'venkataraman i' })).toEqual(['Venkataraman Iyer']);
      expect(await inVellore({ q: 'venkataramanan  subrahmanyam' })).toEqual(['Venkataramanan Subrahmanyam']);
      expect(await inVellore({ q: 'subrahmanyamx' })).toEqual([]);
      // Characters a regular expression would read as patterns match only themselves.
      expect(await inVellore({ q: 'venkataraman.' })).toEqual([]);
      expect(await inVellore({ q: 'venkataraman.*' })).toEqual([]);
      expect(await inVellore({ q: 'venkataramanan (' })).toEqual([]);
    });

    it('finds a doctor by their name whatever its script and length', async () => {
      // The longest name allowed (120), in words of 12 distinct characters or more: the most
      // prefixes a name can have, stored and indexed like any other.
      const word = (offset: number): string =>
        Array.from({ length: 12 }, (_, i) => String.fromCodePoint(0x915 + ((offset * 5 + i * 3) % 36))).join(
          '',
        );
      const fullName = Array.from({ length: 9 }, (_, i) => word(i)).join(' ') + ' ' + 'ह'.repeat(3);
      expect(Array.from(fullName)).toHaveLength(120);
      await approvedDoctor({ fullName, city: 'Vellore' });

      expect(await inVellore({ q: word(8).slice(0, 5) })).toEqual([fullName]);
      expect(await inVellore({ q: `${word(0)} ${word(1).slice(0, 2)}` })).toEqual([fullName]);
    });
  });

  it('finds doctors by everyday words, other spellings, other city names and names without accents', async () => {
    await approvedDoctor({ fullName: 'Dr. Ánanya Pérez', specialization: 'Cardiology', city: 'Bengaluru' });
    await approvedDoctor({ fullName: 'Dr. Kabir Rao', specialization: 'Pediatrics', city: 'Bombay' });

    expect(await names({ q: 'heart', city: 'Bangalore' })).toEqual(['Dr. Ánanya Pérez']);
    expect(await names({ q: 'HEART', city: 'bengaluru' })).toEqual(['Dr. Ánanya Pérez']);
    expect(await names({ q: 'anan', city: 'Bengaluru' })).toEqual(['Dr. Ánanya Pérez']);
    expect(await names({ q: 'perez' })).toEqual(['Dr. Ánanya Pérez']);
    expect(await names({ q: 'Pérez' })).toEqual(['Dr. Ánanya Pérez']);
    expect(await names({ specialization: 'Paediatrics', city: 'Mumbai' })).toEqual(['Dr. Kabir Rao']);
    expect(await names({ q: 'children', city: 'Bombay' })).toEqual(['Dr. Kabir Rao']);
  });

  it('gives doctors stored with keys made the older way the new keys once the one-off rewrite ran', async () => {
    const fields = {
      fullName: 'Zoë Older',
      specialization: 'Pediatrics',
      city: 'Madras',
      languages: ['Tamil'],
    };
    const now = new Date();
    await first.db.collection('doctors').insertOne({
      _id: randomUUID() as never,
      ...fields,
      // As searchKey made them before accents were folded and other names mapped.
      nameKeys: ['zoë older', 'zoë', 'older'],
      namePrefixes: ['z', 'zo', 'zoë', 'o', 'ol', 'old', 'olde', 'older'],
      specializationKey: 'pediatrics',
      cityKey: 'madras',
      languageKeys: ['tamil'],
      email: 'zoe@clinic.example',
      accountStatus: 'active',
      licenseNumber: 'TN-2011',
      yearsOfExperience: 15,
      consultationFee: { amount: 50000, currency: 'INR' },
      verificationStatus: 'approved',
      rating: 0,
      reviewCount: 0,
      outbox: [],
      createdAt: now,
      updatedAt: now,
    });
    expect(await names({ city: 'Chennai', q: 'zoe' })).toEqual([]);

    expect(await first.app.get(DoctorRepository).rewriteSearchKeys()).toBeGreaterThanOrEqual(1);

    expect(await names({ city: 'Chennai', q: 'zoe' })).toEqual(['Zoë Older']);
    expect(await names({ city: 'Madras', specialization: 'Paediatrics' })).toEqual(['Zoë Older']);
    expect(await first.app.get(DoctorRepository).rewriteSearchKeys()).toBe(0);
  });

  /** A listed doctor written straight into the collection, as an earlier version stored one. */
  const insertListedDoctor = async (fields: Record<string, unknown>): Promise<{ id: string; now: Date }> => {
    const id = randomUUID();
    const now = new Date();
    await first.db.collection('doctors').insertOne({
      _id: id as never,
      ...fields,
      email: `${id.slice(0, 8)}@clinic.example`,
      accountStatus: 'active',
      licenseNumber: 'KMC-2019',
      yearsOfExperience: 12,
      consultationFee: { amount: 45000, currency: 'INR' },
      verificationStatus: 'approved',
      rating: 0,
      reviewCount: 0,
      outbox: [],
      createdAt: now,
      updatedAt: now,
    });
    return { id, now };
  };

  it('leaves the name-prefix rows as the doctor ends up after concurrent renames and recounts on both instances', async () => {
    const doctor = await approvedDoctor({ fullName: 'Yamini Racing', city: 'Karwar' });
    const instances = [first.app, second].map((instance) => instance.get(DoctorRepository));
    const fullNames = ['Yamini Racing', 'Zubin Overtaken', 'Yash Lastword'];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const repository = instances[i % 2];
        if (i % 3 === 2) return repository.recordRating(doctor.id, (i % 5) + 0.5, i);
        const fullName = fullNames[i % fullNames.length];
        return repository.patch(doctor.id, { fullName, ...doctorSearchKeys({ fullName }) }, ['fullName']);
      }),
    );
    const stored = await first.db.collection('doctors').findOne({ _id: doctor.id as never });
    const rows = await first.db.collection('listedNamePrefixes').find({ doctorId: doctor.id }).toArray();
    expect(rows.map((row) => row.prefix).sort()).toEqual([...(stored?.namePrefixes ?? [])].sort());
    expect(new Set(rows.map((row) => `${row.fullName} ${row.rating} ${row.reviewCount}`))).toEqual(
      new Set([`${stored?.fullName} ${stored?.rating} ${stored?.reviewCount}`]),
    );
  });

  it('finds a doctor stored before name prefixes existed by name once the one-off backfill ran', async () => {
    const fields = { fullName: 'Oormila Prefixless', specialization: 'ENT', city: 'Mandya', languages: [] };
    const olderKeys = doctorSearchKeys(fields);
    delete olderKeys.namePrefixes;
    const { id, now } = await insertListedDoctor({ ...fields, ...olderKeys });
    expect(await names({ city: 'Mandya' })).toEqual(['Oormila Prefixless']);
    expect(await names({ city: 'Mandya', q: 'oorm' })).toEqual([]);

    expect(await first.app.get(DoctorRepository).addMissingNamePrefixes()).toBe(1);

    expect(await names({ city: 'Mandya', q: 'oorm' })).toEqual(['Oormila Prefixless']);
    expect(await names({ q: 'prefixless' })).toEqual(['Oormila Prefixless']);
    expect(await first.db.collection('doctors').findOne({ _id: id as never })).toMatchObject({
      updatedAt: now,
    });
    expect(await first.app.get(DoctorRepository).addMissingNamePrefixes()).toBe(0);
  });

  it('finds a doctor listed before the name-prefix index existed by name alone once the one-off fill ran', async () => {
    const fields = { fullName: 'Ishwari Unindexed', specialization: 'ENT', city: 'Hosur', languages: [] };
    const keys = doctorSearchKeys(fields);
    await insertListedDoctor({ ...fields, ...keys });
    expect(await names({ city: 'Hosur', q: 'ishw' })).toEqual(['Ishwari Unindexed']);
    expect(await names({ q: 'ishw' })).toEqual([]);

    const repository = first.app.get(DoctorRepository);
    expect(await repository.fillNamePrefixListing()).toBe(keys.namePrefixes?.length);

    expect(await names({ q: 'ishw' })).toEqual(['Ishwari Unindexed']);
    expect(await names({ q: 'unindexed' })).toEqual(['Ishwari Unindexed']);
    expect(await repository.fillNamePrefixListing()).toBe(0);
  });

  describe('fee, gender and availability filters, and the other orders (issue 15, item 3)', () => {
    const MINUTE = 60_000;
    const DAY = 24 * 60 * MINUTE;
    const started = Date.now();
    /** A zone where it is now between 01:00 and 21:00, so "in 30 minutes" is today and "in 3 days" is not. */
    const zone = ['UTC', 'Asia/Kolkata', 'America/New_York', 'Pacific/Auckland'].find((candidate) => {
      const hour = Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: candidate, hour: '2-digit', hourCycle: 'h23' }).format(
          new Date(started),
        ),
      );
      return hour >= 1 && hour < 21;
    });
    const ids: Record<string, string> = {};
    const nextFree: Record<string, Date | null> = {
      'Asha Kolar': new Date(started + 30 * MINUTE),
      'Bala Kolar': new Date(started + 3 * DAY),
      'Chitra Kolar': null,
      'Dinesh Kolar': new Date(started + 10 * DAY),
      // Stored before it started: stale until the sweep asks again.
      'Esha Kolar': new Date(started - 2 * 60 * MINUTE),
    };

    const tellNextFree = async (doctorId: string, at: Date | null, computedAt: Date): Promise<void> => {
      const payload: DoctorNextFreeChangedPayload = {
        doctorId,
        nextFreeAt: at ? at.toISOString() : null,
        computedAt: computedAt.toISOString(),
      };
      await first.events.publish(createEvent(DoctorAvailabilityEventTypes.nextFreeChanged, payload));
    };
    const storedNextFree = async (doctorId: string): Promise<string | null | undefined> =>
      (await searchOn(first.app, { city: 'Kolar', limit: 100 })).items.find(
        (doctor) => doctor.id === doctorId,
      )?.nextAvailableAt;

    beforeAll(async () => {
      const roster: [string, Partial<CreateDoctorProfileMessage>][] = [
        [
          'Asha Kolar',
          { gender: 'female', consultationFee: { amount: 30000, currency: 'INR' }, yearsOfExperience: 5 },
        ],
        [
          'Bala Kolar',
          { gender: 'male', consultationFee: { amount: 55000, currency: 'INR' }, yearsOfExperience: 20 },
        ],
        [
          'Chitra Kolar',
          { gender: 'female', consultationFee: { amount: 80000, currency: 'INR' }, yearsOfExperience: 12 },
        ],
        // No gender given, and a fee of ₹450.50.
        ['Dinesh Kolar', { consultationFee: { amount: 45050, currency: 'INR' }, yearsOfExperience: 30 }],
        [
          'Esha Kolar',
          { gender: 'other', consultationFee: { amount: 100000, currency: 'INR' }, yearsOfExperience: 1 },
        ],
      ];
      for (const [fullName, fields] of roster)
        ids[fullName] = (await approvedDoctor({ fullName, city: 'Kolar', ...fields })).id;
      // As appointment-service tells it: each doctor's first free slot, through the durable consumer.
      for (const [fullName, at] of Object.entries(nextFree))
        await tellNextFree(ids[fullName], at, new Date());
      await waitFor(
        async () => {
          const shown = await Promise.all(Object.keys(nextFree).map((name) => storedNextFree(ids[name])));
          return shown.every((at, i) => at === (Object.values(nextFree)[i]?.toISOString() ?? null));
        },
        10_000,
        "every doctor's first free slot stored",
      );
    });

    const inKolar = (query: DoctorSearchQueryDto): Promise<string[]> => names({ city: 'Kolar', ...query });

    it('filters by gender, leaving out doctors who gave none', async () => {
      expect(await inKolar({ gender: 'female' })).toEqual(['Asha Kolar', 'Chitra Kolar']);
      expect(await inKolar({ gender: 'male' })).toEqual(['Bala Kolar']);
      expect(await names({ gender: 'other', city: 'Kolar' })).toEqual(['Esha Kolar']);
    });

    it('filters by a fee range in paise, both ends included, to the paisa', async () => {
      expect(await inKolar({ minFee: 30000, maxFee: 55000 })).toEqual([
        'Asha Kolar',
        'Bala Kolar',
        'Dinesh Kolar',
      ]);
      expect(await inKolar({ minFee: 45051 })).toEqual(['Bala Kolar', 'Chitra Kolar', 'Esha Kolar']);
      expect(await inKolar({ maxFee: 45050 })).toEqual(['Asha Kolar', 'Dinesh Kolar']);
      expect(await inKolar({ minFee: 45050, maxFee: 45050 })).toEqual(['Dinesh Kolar']);
      expect(await inKolar({ minFee: 100001 })).toEqual([]);
      expect(await inKolar({ minFee: 0, maxFee: 29999 })).toEqual([]);
    });

    it("filters by a free slot today or this week in the patient's zone; a passed one does not count", async () => {
      expect(zone).toBeDefined();
      expect(await inKolar({ available: 'today', tz: zone })).toEqual(['Asha Kolar']);
      expect(await inKolar({ available: 'week', tz: zone })).toEqual(['Asha Kolar', 'Bala Kolar']);
      expect(await inKolar({ available: 'week', tz: zone, gender: 'male' })).toEqual(['Bala Kolar']);
    });

    it('orders by soonest free, fee, experience or rating', async () => {
      // Stale first (until the sweep), nothing free last.
      expect(await inKolar({ sort: 'soonest' })).toEqual([
        'Esha Kolar',
        'Asha Kolar',
        'Bala Kolar',
        'Dinesh Kolar',
        'Chitra Kolar',
      ]);
      expect(await inKolar({ sort: 'fee' })).toEqual([
        'Asha Kolar',
        'Dinesh Kolar',
        'Bala Kolar',
        'Chitra Kolar',
        'Esha Kolar',
      ]);
      expect(await inKolar({ sort: 'experience' })).toEqual([
        'Dinesh Kolar',
        'Bala Kolar',
        'Chitra Kolar',
        'Asha Kolar',
        'Esha Kolar',
      ]);
      expect(await inKolar({ sort: 'rating' })).toEqual(await inKolar({}));
      expect(await inKolar({ sort: 'fee', gender: 'female', maxFee: 60000 })).toEqual(['Asha Kolar']);
      expect(await inKolar({ sort: 'soonest', available: 'week', tz: zone, limit: 1, page: 2 })).toEqual([
        'Bala Kolar',
      ]);
    });

    it('keeps the later-computed first free slot when events arrive out of order', async () => {
      const doctorId = ids['Chitra Kolar'];
      const soon = new Date(started + 45 * MINUTE);
      await tellNextFree(doctorId, soon, new Date());
      await waitFor(
        async () => (await storedNextFree(doctorId)) === soon.toISOString(),
        10_000,
        'the new time',
      );
      // Computed earlier, delivered later: ignored.
      await tellNextFree(doctorId, new Date(started + 5 * DAY), new Date(Date.now() - 60 * MINUTE));
      await tellNextFree(ids['Asha Kolar'], nextFree['Asha Kolar'], new Date());
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await storedNextFree(doctorId)).toBe(soon.toISOString());
      expect(await inKolar({ available: 'today', tz: zone })).toEqual(['Asha Kolar', 'Chitra Kolar']);
      await tellNextFree(doctorId, null, new Date());
      await waitFor(async () => (await storedNextFree(doctorId)) === null, 10_000, 'nothing free');
      expect(await inKolar({ available: 'today', tz: zone })).toEqual(['Asha Kolar']);
    });

    it('finds, for the sweep, the listed doctors whose first free slot passed and those never asked about', async () => {
      const doctors = first.app.get(DoctorRepository);
      const passed = await doctors.listedWithPassedNextFree(new Date(), 200);
      expect(passed).toContain(ids['Esha Kolar']);
      expect(passed).not.toContain(ids['Asha Kolar']);
      const unasked = await approvedDoctor({ fullName: 'Farah Kolar', city: 'Kolar' });
      const unchecked = await doctors.listedWithoutFreeTimeCheckedBefore(new Date(started - DAY), 1000);
      expect(unchecked).toContain(unasked.id);
      expect(unchecked).not.toContain(ids['Chitra Kolar']);
    });
  });

  describe('listing order and paging', () => {
    /** Listed doctors written straight into the collection (ratings only reviews could give otherwise). */
    const seeded: { _id: string; fullName: string; rating: number; reviewCount: number }[] = [];

    beforeAll(async () => {
      const now = new Date();
      const documents = Array.from({ length: 31 }, (_, i) => {
        const fullName = ['Dev Anand', 'Dev Patel', 'Asha Rao'][i % 3];
        const doctor = { _id: randomUUID(), fullName, rating: [4.5, 4.5, 3, 5][i % 4], reviewCount: i % 2 };
        seeded.push(doctor);
        return {
          ...doctor,
          email: `${doctor._id.slice(0, 8)}@clinic.example`,
          accountStatus: 'active',
          specialization: 'Neurology',
          licenseNumber: 'KMC-31',
          yearsOfExperience: 5,
          consultationFee: { amount: 40000, currency: 'INR' },
          city: 'Tumakuru',
          languages: ['Kannada'],
          verificationStatus: 'approved',
          ...doctorSearchKeys({
            fullName,
            specialization: 'Neurology',
            city: 'Tumakuru',
            languages: ['Kannada'],
          }),
          outbox: [],
          createdAt: now,
          updatedAt: now,
        };
      });
      await first.db.collection('doctors').insertMany(documents as never[]);
      // Written around the service: their name-prefix rows as the one-off fill writes them.
      await first.app.get(DoctorRepository).fillNamePrefixListing();
    });

    const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    /** Best rated first, then most reviewed, then by name; the id makes the order total. */
    const listingOrder = (a: (typeof seeded)[number], b: (typeof seeded)[number]): number =>
      b.rating - a.rating ||
      b.reviewCount - a.reviewCount ||
      byCodeUnits(a.fullName, b.fullName) ||
      byCodeUnits(a._id, b._id);

    it('orders by rating, reviews, name, then id, and pages through every doctor once', async () => {
      const expected = [...seeded].sort(listingOrder).map((doctor) => doctor._id);
      const pages: Page<DoctorSummary>[] = [];
      for (let page = 1; page <= 5; page += 1) {
        // Alternate instances: the order is the database's, the same on each.
        const instance = page % 2 === 0 ? second : first.app;
        pages.push(await searchOn(instance, { city: 'tumakuru', limit: 7, page }));
      }

      expect(pages.map((page) => page.total)).toEqual([31, 31, 31, 31, 31]);
      expect(pages.map((page) => page.items.length)).toEqual([7, 7, 7, 7, 3]);
      const listed = pages.flatMap((page) => page.items.map((doctor) => doctor.id));
      expect(new Set(listed).size).toBe(31);
      expect(listed).toEqual(expected);
      // The order is not vacuous: ratings, review counts and names all had to break ties.
      expect(pages[0].items[0]).toMatchObject({ rating: 5, reviewCount: 1 });
      expect(pages[4].items.map((doctor) => doctor.rating)).toEqual([3, 3, 3]);
    });

    it('pages the default 12 and answers an empty page past the end with the total', async () => {
      expect(await searchOn(second, { city: 'Tumakuru' })).toMatchObject({ total: 31, page: 1, limit: 12 });
      expect((await searchOn(second, { city: 'Tumakuru' })).items).toHaveLength(12);
      expect(await searchOn(first.app, { city: 'Tumakuru', page: 9, limit: 10 })).toEqual({
        items: [],
        total: 31,
        page: 9,
        limit: 10,
      });
      // Fewer than a page, on the first page and on a later one; and none at all.
      const ashas = seeded.filter((doctor) => doctor.fullName === 'Asha Rao').length;
      const firstPage = await searchOn(second, { city: 'Tumakuru', q: 'asha' });
      expect(firstPage.total).toBe(ashas);
      expect(firstPage.items).toHaveLength(ashas);
      expect(ashas).toBeGreaterThan(8);
      const lastPage = await searchOn(first.app, { city: 'Tumakuru', q: 'asha', limit: 4, page: 3 });
      expect(lastPage.total).toBe(ashas);
      expect(lastPage.items).toHaveLength(ashas - 8);
      expect(await searchOn(first.app, { city: 'Tumakuru', q: 'zed' })).toEqual({
        items: [],
        total: 0,
        page: 1,
        limit: 12,
      });
    });

    it('pages a search by a name prefix alone in the same order, each doctor once', async () => {
      const ashas = [...seeded]
        .filter((doctor) => doctor.fullName === 'Asha Rao')
        .sort(listingOrder)
        .map((doctor) => doctor._id);
      expect(ashas).toHaveLength(10);
      const pages: Page<DoctorSummary>[] = [];
      for (let page = 1; page <= 4; page += 1)
        pages.push(await searchOn(page % 2 === 0 ? second : first.app, { q: 'ASHA R', limit: 4, page }));

      expect(pages.map((page) => page.total)).toEqual([10, 10, 10, 10]);
      expect(pages.map((page) => page.items.length)).toEqual([4, 4, 2, 0]);
      expect(pages.flatMap((page) => page.items.map((doctor) => doctor.id))).toEqual(ashas);
      const patels = [...seeded].filter((doctor) => doctor.fullName === 'Dev Patel').sort(listingOrder);
      expect(
        (await searchOn(first.app, { q: 'dev p', limit: 100 })).items.map((doctor) => doctor.id),
      ).toEqual(patels.map((doctor) => doctor._id));
    });

    it('lists ties on rating, reviews and name by id', async () => {
      const results = await searchOn(first.app, { city: 'Tumakuru', q: 'dev p', limit: 100 });
      const ids = results.items.map((doctor) => doctor.id);
      const patels = [...seeded].filter((doctor) => doctor.fullName === 'Dev Patel').sort(listingOrder);

      expect(results.total).toBe(patels.length);
      expect(ids).toEqual(patels.map((doctor) => doctor._id));
    });
  });
});
