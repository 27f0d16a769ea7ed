import { randomUUID } from 'node:crypto';
import {
  DOCTOR_DOCUMENTS_BUCKET,
  DoctorEventTypes,
  DoctorSubjects,
  EVENTS_STREAM,
  doctorDocumentObjectName,
  UserEventTypes,
  eventSubject,
  type Actor,
  type CreateDoctorProfileMessage,
  type DoctorDashboardView,
  type DoctorProfileView,
  type DoctorPublicProfileView,
  type DoctorSearchQueryDto,
  type DoctorSummary,
  type DoctorVerifiedEvent,
  type Page,
  type UserRegisteredPayload,
  type UserStatusChangedPayload,
} from '@arogyam/contracts';
import { createEvent, objectStoreBucket } from '@arogyam/messaging';
import {
  rpcFailure,
  startServiceUnderTest,
  waitFor,
  waitForOutboxDrained,
  indexesFerretDbLacks,
  indexesOnceBuilt,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { PAGES_COUNTED_AHEAD, UPLOAD_DEADLINE_MS } from '@arogyam/persistence';
import { DocumentUploadSweep } from '../src/documents/document-upload-sweep';
import { doctorService } from '../src/doctor-service';

const admin: Actor = { userId: 'admin-1', role: 'admin' };

const profileFields = (overrides: Partial<CreateDoctorProfileMessage> = {}): CreateDoctorProfileMessage => ({
  userId: randomUUID(),
  email: `dr.${randomUUID().slice(0, 8)}@clinic.example`,
  fullName: 'Kavya Nair',
  specialization: 'General Medicine',
  licenseNumber: 'KMC-12345',
  yearsOfExperience: 8,
  consultationFee: { amount: 50000, currency: 'INR' },
  city: 'Kochi',
  languages: ['English', 'Malayalam'],
  bio: 'Family physician.',
  ...overrides,
});

describe('doctor-service', () => {
  let service: ServiceUnderTest;

  const createProfile = (message: CreateDoctorProfileMessage): Promise<DoctorProfileView> =>
    service.rpc.send(DoctorSubjects.createProfile, message);
  const decide = (
    doctorId: string,
    decision: 'approved' | 'rejected',
    note?: string,
  ): Promise<DoctorProfileView> =>
    service.rpc.send(DoctorSubjects.verify, {
      doctorId,
      actorId: admin.userId,
      decision,
      ...(note ? { note } : {}),
    });
  const search = (query: DoctorSearchQueryDto): Promise<Page<DoctorSummary>> =>
    service.rpc.send(DoctorSubjects.search, query);
  const searchNames = async (query: DoctorSearchQueryDto): Promise<string[]> =>
    (await search(query)).items.map((doctor) => doctor.fullName);
  const publicProfile = (doctorId: string, actor?: Actor): Promise<DoctorPublicProfileView> =>
    service.rpc.send(DoctorSubjects.getPublicProfile, { doctorId, ...(actor ? { actor } : {}) });
  const approvedDoctor = async (
    overrides: Partial<CreateDoctorProfileMessage>,
  ): Promise<DoctorProfileView> => {
    const created = await createProfile(profileFields(overrides));
    return decide(created.id, 'approved');
  };
  const publishAccountEvent = async (
    type: typeof UserEventTypes.suspended | typeof UserEventTypes.reactivated,
    userId: string,
    occurredAt: Date,
  ): Promise<void> => {
    const payload: UserStatusChangedPayload = { userId, role: 'doctor' };
    await service.events.publish({ ...createEvent(type, payload), occurredAt: occurredAt.toISOString() });
  };
  const publishRegistered = async (payload: UserRegisteredPayload): Promise<void> => {
    await service.events.publish(createEvent(UserEventTypes.registered, payload));
  };
  const outboxDrained = (doctorId: string): Promise<boolean> =>
    waitForOutboxDrained(service.db, 'doctors', doctorId);
  /** The consumer handles events in stream order, so once this one is in, every earlier one is. */
  const registerAndAwait = async (fullName: string): Promise<string> => {
    const { userId, email, ...profile } = profileFields({ fullName });
    await publishRegistered({ userId, role: 'doctor', email, fullName, profile });
    await waitFor(() => publicProfile(userId, admin).catch(() => undefined), 10000, `${fullName}'s profile`);
    return userId;
  };

  beforeAll(async () => {
    service = await startServiceUnderTest(doctorService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('declares exactly the indexes its queries use (and no text, geo or TTL index)', async () => {
    const indexes = await indexesOnceBuilt(service.db, 'doctors', 14);

    // Search (the listed doctors by specialization and/or city, language, name prefix, gender, or
    // none, each followed by the listing order; the other orders; fee and free-time buckets), the
    // admins' verification queue, and the outbox mark; query-plans.int.spec.ts proves each query
    // uses one.
    const listed = { verificationStatus: 1, accountStatus: 1 };
    const listingOrder = { rating: -1, reviewCount: -1, fullName: 1, _id: 1 };
    expect(indexes.map((index) => index.key)).toEqual(
      expect.arrayContaining([
        { _id: 1 },
        { ...listed, specializationKey: 1, cityKey: 1, ...listingOrder },
        { ...listed, specializationKey: 1, ...listingOrder },
        { ...listed, cityKey: 1, ...listingOrder },
        { ...listed, ...listingOrder },
        { ...listed, languageKeys: 1, ...listingOrder },
        { ...listed, namePrefixes: 1, ...listingOrder },
        { ...listed, gender: 1, ...listingOrder },
        { ...listed, soonestOrder: 1, nextAvailableComputedAt: 1, _id: 1 },
        { ...listed, specializationKey: 1, soonestOrder: 1, nextAvailableComputedAt: 1, _id: 1 },
        { ...listed, feeAmount: 1, _id: 1 },
        { ...listed, yearsOfExperience: -1, _id: 1 },
        { verificationStatus: 1, createdAt: 1, _id: 1 },
        { outboxPending: 1 },
      ]),
    );
    expect(indexes).toHaveLength(14);
    expect(indexesFerretDbLacks(indexes)).toEqual([]);
  });

  describe('verification documents', () => {
    it('deletes the file of an upload that never reached the profile once its deadline passed, keeps an added one, and deletes it once removed', async () => {
      const doctor = await createProfile(profileFields({ fullName: 'Dr Upload Sweep' }));
      const actor: Actor = { userId: doctor.id, role: 'doctor' };
      const bucket = await objectStoreBucket(service.nats, DOCTOR_DOCUMENTS_BUCKET)();
      const put = (documentId: string) =>
        bucket.putBlob(
          { name: doctorDocumentObjectName(doctor.id, documentId) },
          Buffer.from('%PDF-1.7 MCI'),
        );
      const stored = async (documentId: string): Promise<boolean> => {
        const info = await bucket.info(doctorDocumentObjectName(doctor.id, documentId));
        return Boolean(info && !info.deleted);
      };
      const [orphan, added] = [randomUUID(), randomUUID()];
      for (const documentId of [orphan, added]) {
        await service.rpc.send(DoctorSubjects.reserveDocument, { actor, documentId });
        await put(documentId);
      }
      await service.rpc.send(DoctorSubjects.addDocument, {
        actor,
        documentId: added,
        file: { fileName: 'mci.pdf', contentType: 'application/pdf', size: 12 },
      });
      const patient: Actor = { userId: randomUUID(), role: 'patient' };
      expect(
        await rpcFailure(
          service.rpc.send(DoctorSubjects.reserveDocument, { actor: patient, documentId: orphan }),
        ),
      ).toMatchObject({ statusCode: 403 });

      const sweep = service.app.get(DocumentUploadSweep);
      await sweep.round(new Date(Date.now() + UPLOAD_DEADLINE_MS - 60_000));
      expect(await stored(orphan)).toBe(true);
      await sweep.round(new Date(Date.now() + UPLOAD_DEADLINE_MS + 60_000));
      expect(await stored(orphan)).toBe(false);
      expect(await stored(added)).toBe(true);
      expect(await service.db.collection('uploadReservations').countDocuments({ ownerId: doctor.id })).toBe(
        0,
      );

      // Removing the document from the profile deletes its file too.
      const profile = await service.rpc.send<DoctorProfileView>(DoctorSubjects.removeDocument, {
        actor,
        documentId: added,
      });
      expect(profile.documents ?? []).toEqual([]);
      expect(await stored(added)).toBe(false);
    });
  });

  describe('profile creation', () => {
    it('is idempotent: a repeated create answers the first profile and changes nothing', async () => {
      const message = profileFields();
      const first = await createProfile(message);
      const again = await createProfile({ ...message, fullName: 'Someone Else', specialization: 'Surgery' });

      expect(first).toMatchObject({
        id: message.userId,
        email: message.email,
        fullName: 'Kavya Nair',
        verificationStatus: 'pending',
        accountStatus: 'active',
        rating: 0,
        reviewCount: 0,
        consultationFee: { amount: 50000, currency: 'INR' },
      });
      expect(again).toEqual(first);
    });

    it('answers 400 with the problem fields', async () => {
      const failure = await rpcFailure(
        createProfile(
          profileFields({ yearsOfExperience: -1, consultationFee: { amount: 12.5, currency: 'INR' } }),
        ),
      );

      expect(failure.statusCode).toBe(400);
      expect(failure.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['yearsOfExperience', 'consultationFee.amount']),
      );
    });
  });

  describe('verification', () => {
    it('hides a pending doctor from search and the public profile, but not from admins', async () => {
      const pending = await createProfile(profileFields({ fullName: 'Pallavi Pending', city: 'Nashik' }));

      expect(await searchNames({ city: 'Nashik' })).toEqual([]);
      expect(await rpcFailure(publicProfile(pending.id))).toMatchObject({
        statusCode: 404,
        message: 'Doctor not found',
      });
      expect(await rpcFailure(publicProfile(pending.id, { userId: 'p-1', role: 'patient' }))).toMatchObject({
        statusCode: 404,
      });
      expect(await publicProfile(pending.id, admin)).toMatchObject({ id: pending.id, email: pending.email });
    });

    it('lists pending doctors for review, oldest first', async () => {
      const older = await createProfile(profileFields({ fullName: 'Queue First' }));
      const newer = await createProfile(profileFields({ fullName: 'Queue Second' }));

      const queue = await service.rpc.send<Page<DoctorProfileView>>(DoctorSubjects.listForReview, {
        limit: 100,
      });
      const ids = queue.items.map((doctor) => doctor.id);

      expect(queue.items.every((doctor) => doctor.verificationStatus === 'pending')).toBe(true);
      expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
      expect(queue.total).toBe(queue.items.length);
    });

    it('approval lists the doctor and publishes evt.doctor.verified on JetStream', async () => {
      const created = await createProfile(profileFields({ fullName: 'Arjun Approved', city: 'Thrissur' }));

      const approved = await decide(created.id, 'approved');

      expect(approved).toMatchObject({ id: created.id, verificationStatus: 'approved' });
      expect(await searchNames({ city: 'thrissur' })).toEqual(['Arjun Approved']);
      const shown = await publicProfile(created.id);
      expect(shown).toMatchObject({
        id: created.id,
        verificationStatus: 'approved',
        licenseNumber: 'KMC-12345',
      });
      expect(shown).not.toHaveProperty('email');

      const jsm = await service.nats.jetstreamManager();
      const event = await waitFor(
        async () => {
          const stored = await jsm.streams.getMessage(EVENTS_STREAM, {
            last_by_subj: eventSubject(DoctorEventTypes.verified),
          });
          const candidate = stored.json<DoctorVerifiedEvent>();
          return candidate.payload.doctorId === created.id ? candidate : undefined;
        },
        10000,
        'evt.doctor.verified',
      );
      expect(event).toMatchObject({
        type: DoctorEventTypes.verified,
        version: 1,
        payload: { doctorId: created.id, decision: 'approved', decidedBy: admin.userId },
      });
      // Published events leave the document, so the relay does not publish them again.
      expect(await outboxDrained(created.id)).toBe(true);
    });

    it('rejection keeps the note and keeps the doctor hidden; an admin may reverse it', async () => {
      const created = await createProfile(profileFields({ fullName: 'Rohan Rejected', city: 'Kannur' }));

      const rejected = await decide(
        created.id,
        'rejected',
        'Licence number does not match the council register.',
      );

      expect(rejected).toMatchObject({
        verificationStatus: 'rejected',
        verificationNote: 'Licence number does not match the council register.',
      });
      expect(await rpcFailure(publicProfile(created.id))).toMatchObject({ statusCode: 404 });
      const queue = await service.rpc.send<Page<DoctorProfileView>>(DoctorSubjects.listForReview, {
        verificationStatus: 'rejected',
      });
      expect(queue.items.map((doctor) => doctor.id)).toContain(created.id);

      const reversed = await decide(created.id, 'approved');
      expect(reversed.verificationStatus).toBe('approved');
      expect(reversed).not.toHaveProperty('verificationNote');
      expect(await searchNames({ city: 'Kannur' })).toEqual(['Rohan Rejected']);
    });

    it('answers 404 for an unknown doctor and 400 for an unknown decision', async () => {
      expect(await rpcFailure(decide(randomUUID(), 'approved'))).toMatchObject({ statusCode: 404 });
      const failure = await rpcFailure(
        service.rpc.send(DoctorSubjects.verify, {
          doctorId: 'd-1',
          actorId: admin.userId,
          decision: 'maybe',
        }),
      );
      expect(failure).toMatchObject({
        statusCode: 400,
        details: [expect.objectContaining({ field: 'decision' })],
      });
    });
  });

  describe('profile for other services', () => {
    const forService = (doctorId: string): Promise<DoctorProfileView> =>
      service.rpc.send(DoctorSubjects.getProfileForService, { doctorId });

    it('answers the full profile whatever its status, including the registration number', async () => {
      const pending = await createProfile(
        profileFields({ fullName: 'Farah Pending', licenseNumber: 'TNMC-77001' }),
      );
      const rejected = await decide(
        (await createProfile(profileFields({ fullName: 'Rafi Rejected' }))).id,
        'rejected',
        'Unreadable certificate.',
      );

      expect(await forService(pending.id)).toEqual(pending);
      expect(await forService(pending.id)).toMatchObject({
        licenseNumber: 'TNMC-77001',
        verificationStatus: 'pending',
      });
      expect(await forService(rejected.id)).toEqual(rejected);
    });

    it('answers 404 for an unknown doctor and 400 for a malformed request', async () => {
      expect(await rpcFailure(forService(randomUUID()))).toMatchObject({
        statusCode: 404,
        message: 'Doctor not found',
      });
      const failure = await rpcFailure(
        service.rpc.send(DoctorSubjects.getProfileForService, { doctorId: '', actor: admin }),
      );
      expect(failure.statusCode).toBe(400);
      expect(failure.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['doctorId', 'actor']),
      );
    });
  });

  describe('search', () => {
    beforeAll(async () => {
      const roster: [fullName: string, specialization: string, city: string, languages: string[]][] = [
        ['Asha Rao', 'Cardiology', 'Pune', ['English', 'Marathi']],
        ['Vikram Mehta', 'cardiology ', 'PUNE', ['Hindi']],
        ['Rahul Asthana', 'Cardiology', 'Mumbai', ['Hindi', 'English']],
        ['Meera Iyer', 'Dermatology', 'Chennai', ['Tamil']],
      ];
      for (const [fullName, specialization, city, languages] of roster) {
        await approvedDoctor({ fullName, specialization, city, languages });
      }
    });

    it('filters on specialization, city and language, whatever their case', async () => {
      expect(await searchNames({ specialization: 'CARDIOLOGY' })).toEqual([
        'Asha Rao',
        'Rahul Asthana',
        'Vikram Mehta',
      ]);
      expect(await searchNames({ city: 'pune' })).toEqual(['Asha Rao', 'Vikram Mehta']);
      expect(await searchNames({ language: 'HINDI' })).toEqual(['Rahul Asthana', 'Vikram Mehta']);
      expect(
        await searchNames({ specialization: 'cardiology', city: 'Mumbai', language: 'english' }),
      ).toEqual(['Rahul Asthana']);
    });

    it('matches q as a prefix of the first or the last name, case-insensitively', async () => {
      expect(await searchNames({ q: 'ASH' })).toEqual(['Asha Rao']);
      expect(await searchNames({ q: 'asth' })).toEqual(['Rahul Asthana']);
      expect(await searchNames({ q: 'As' })).toEqual(['Asha Rao', 'Rahul Asthana']);
      expect(await searchNames({ q: 'meera iy' })).toEqual(['Meera Iyer']);
      expect(await searchNames({ q: 'sha' })).toEqual([]);
      expect(await searchNames({ q: 'a.*' })).toEqual([]);
    });

    it('answers summaries only', async () => {
      const [doctor] = (await search({ q: 'meera' })).items;

      expect(Object.keys(doctor).sort()).toEqual(
        [
          'city',
          'consultationFee',
          'fullName',
          'id',
          'languages',
          'rating',
          'reviewCount',
          'specialization',
          'yearsOfExperience',
        ].sort(),
      );
    });

    it('pages with a total', async () => {
      const first = await search({ specialization: 'Cardiology', limit: 2 });
      const second = await search({ specialization: 'Cardiology', limit: 2, page: 2 });

      expect(first).toMatchObject({ total: 3, page: 1, limit: 2 });
      expect(first.totalIsLowerBound).toBeUndefined();
      expect(first.items.map((doctor) => doctor.fullName)).toEqual(['Asha Rao', 'Rahul Asthana']);
      expect(second).toMatchObject({ total: 3, page: 2, limit: 2 });
      expect(second.items.map((doctor) => doctor.fullName)).toEqual(['Vikram Mehta']);
      expect((await search({ city: 'Pune' })).limit).toBe(12);
    });

    it('counts at most ten pages past the page’s first result, and says so', async () => {
      const countedAhead = PAGES_COUNTED_AHEAD * 12;
      const template = await approvedDoctor({ specialization: 'Counted Medicine' });
      const stored = await service.db.collection('doctors').findOne({ _id: template.id as never });
      const many = countedAhead + 3;
      await service.db
        .collection('doctors')
        .insertMany(
          Array.from({ length: many - 1 }, (_, i) => ({ ...stored, _id: `counted-${i}` as never })),
        );

      const first = await search({ specialization: 'Counted Medicine' });
      expect(first).toMatchObject({ total: countedAhead, totalIsLowerBound: true, page: 1 });
      expect(first.items).toHaveLength(12);
      // The last page tells the exact total itself.
      const lastPage = Math.ceil(many / 12);
      const last = await search({ specialization: 'Counted Medicine', page: lastPage });
      expect(last).toMatchObject({ total: many, page: lastPage });
      expect(last.totalIsLowerBound).toBeUndefined();
      // Counting from a later page counts further.
      const later = await search({ specialization: 'Counted Medicine', page: 2 });
      expect(later).toMatchObject({ total: many });
      expect(later.totalIsLowerBound).toBeUndefined();
    });

    it('answers 400 with details for a bad query', async () => {
      const failure = await rpcFailure(search({ limit: 500 }));

      expect(failure).toMatchObject({
        statusCode: 400,
        details: [expect.objectContaining({ field: 'limit' })],
      });
    });
  });

  describe('account status events', () => {
    it('a suspension hides the doctor, a reactivation shows them, an older redelivered suspension changes nothing', async () => {
      const doctor = await approvedDoctor({ fullName: 'Sunil Suspended', city: 'Kolhapur' });
      // FerretDB 1.24 (SQLite) applies an update as read, modify, write back: two updates of one
      // document at the same instant can lose one (MongoDB is atomic here). Let the relay's
      // clean-up of the approval event finish first, so only the event handling is under test.
      await outboxDrained(doctor.id);
      const suspendedAt = new Date(Date.now() - 60_000);

      await publishAccountEvent(UserEventTypes.suspended, doctor.id, suspendedAt);
      await waitFor(
        async () => (await searchNames({ city: 'Kolhapur' })).length === 0,
        10000,
        'the suspension',
      );
      expect(await rpcFailure(publicProfile(doctor.id))).toMatchObject({ statusCode: 404 });
      expect(await publicProfile(doctor.id, admin)).toMatchObject({ accountStatus: 'suspended' });

      await publishAccountEvent(UserEventTypes.reactivated, doctor.id, new Date());
      await waitFor(
        async () => (await searchNames({ city: 'Kolhapur' })).length === 1,
        10000,
        'the reactivation',
      );

      // The suspension again, as a late copy: a new message id (JetStream would drop a same-id
      // republish) but its original time, which is older than the reactivation.
      await publishAccountEvent(UserEventTypes.suspended, doctor.id, suspendedAt);
      await registerAndAwait('Sentinel After Stale Suspension');

      expect(await searchNames({ city: 'Kolhapur' })).toEqual(['Sunil Suspended']);
      expect(await publicProfile(doctor.id)).toMatchObject({ id: doctor.id });
    });
  });

  describe('user.registered events', () => {
    it('create the profile of a registering doctor', async () => {
      const userId = await registerAndAwait('Esha Evented');

      expect(await publicProfile(userId, admin)).toMatchObject({
        id: userId,
        fullName: 'Esha Evented',
        verificationStatus: 'pending',
      });
    });

    it('ignore other roles, and ack a malformed payload instead of retrying it forever', async () => {
      const patientId = randomUUID();
      const malformedId = randomUUID();
      const registrations: [string, 'patient' | 'doctor', Record<string, unknown>][] = [
        [patientId, 'patient', {}],
        // No licence number, experience or fee: can never become a valid profile.
        [malformedId, 'doctor', { specialization: 'Cardiology' }],
      ];
      for (const [userId, role, profile] of registrations) {
        await publishRegistered({
          userId,
          role,
          email: `${userId}@example.com`,
          fullName: 'Not Listed',
          profile,
        });
      }

      await registerAndAwait('Sentinel After Bad Payload');

      expect(await rpcFailure(publicProfile(patientId, admin))).toMatchObject({ statusCode: 404 });
      expect(await rpcFailure(publicProfile(malformedId, admin))).toMatchObject({ statusCode: 404 });
    });
  });

  describe('own profile and dashboard', () => {
    let doctor: DoctorProfileView;
    let self: Actor;

    beforeAll(async () => {
      doctor = await approvedDoctor({ fullName: 'Nisha Own', city: 'Goa', languages: ['Konkani'] });
      self = { userId: doctor.id, role: 'doctor' };
    });

    it('a doctor reads their own profile; other roles get 403', async () => {
      expect(await service.rpc.send(DoctorSubjects.getOwnProfile, { actor: self })).toEqual(doctor);
      expect(
        await rpcFailure(
          service.rpc.send(DoctorSubjects.getOwnProfile, { actor: { userId: doctor.id, role: 'patient' } }),
        ),
      ).toMatchObject({ statusCode: 403 });
      expect(
        await rpcFailure(
          service.rpc.send(DoctorSubjects.getOwnProfile, { actor: { userId: randomUUID(), role: 'doctor' } }),
        ),
      ).toMatchObject({ statusCode: 404 });
    });

    it('an update changes the fields and what search finds them by', async () => {
      const updated = await service.rpc.send<DoctorProfileView>(DoctorSubjects.updateOwnProfile, {
        actor: self,
        body: {
          fullName: 'Nisha Kamat',
          city: 'Panaji',
          languages: ['English'],
          consultationFee: { amount: 70000, currency: 'INR' },
        },
      });

      expect(updated).toMatchObject({
        fullName: 'Nisha Kamat',
        city: 'Panaji',
        languages: ['English'],
        consultationFee: { amount: 70000, currency: 'INR' },
        licenseNumber: doctor.licenseNumber,
      });
      expect(await searchNames({ city: 'goa' })).toEqual([]);
      expect(await searchNames({ city: 'panaji', q: 'kama', language: 'english' })).toEqual(['Nisha Kamat']);
    });

    it('null clears an optional field; required ones and bad values answer 400 with details', async () => {
      const cleared = await service.rpc.send<DoctorProfileView>(DoctorSubjects.updateOwnProfile, {
        actor: self,
        body: { city: null },
      });
      expect(cleared).not.toHaveProperty('city');
      expect(await searchNames({ city: 'panaji' })).toEqual([]);

      const required = await rpcFailure(
        service.rpc.send(DoctorSubjects.updateOwnProfile, { actor: self, body: { fullName: null } }),
      );
      expect(required).toMatchObject({
        statusCode: 400,
        details: [{ field: 'fullName', problem: 'cannot be cleared' }],
      });

      const invalid = await rpcFailure(
        service.rpc.send(DoctorSubjects.updateOwnProfile, {
          actor: self,
          body: { yearsOfExperience: 'ten', registrationYear: 1900 },
        }),
      );
      expect(invalid.statusCode).toBe(400);
      expect(invalid.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['yearsOfExperience', 'registrationYear']),
      );
    });

    it('the dashboard shows verification and rating, and no appointments yet', async () => {
      const dashboard = await service.rpc.send<DoctorDashboardView>(DoctorSubjects.dashboard, {
        actor: self,
      });

      expect(dashboard).toEqual({
        verificationStatus: 'approved',
        rating: 0,
        reviewCount: 0,
        upcomingCount: 0,
        todayQueue: { total: 0, waiting: 0, completed: 0 },
      });
      expect(await rpcFailure(service.rpc.send(DoctorSubjects.dashboard, { actor: admin }))).toMatchObject({
        statusCode: 403,
      });
    });
  });
});
