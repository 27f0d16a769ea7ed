import { randomUUID } from 'node:crypto';
import {
  HEALTH_RECORDS_BUCKET,
  HealthRecordSubjects,
  PatientSubjects,
  healthRecordObjectName,
  PatientContactEventTypes,
  ProfileEventTypes,
  UserEventTypes,
  type Actor,
  type CreatePatientProfileMessage,
  type HealthRecordView,
  type PatientDashboardView,
  type PatientProfileView,
  type PatientPhoneChangedEvent,
  type ProfileRenamedEvent,
} from '@arogyam/contracts';
import { createEvent, objectStoreBucket } from '@arogyam/messaging';
import {
  rpcFailure,
  startServiceUnderTest,
  waitFor,
  waitForLatestEvent,
  waitForOutboxDrained,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { UPLOAD_DEADLINE_MS } from '@arogyam/persistence';
import { HealthRecordUploadSweep } from '../src/health-records/upload-sweep';
import { PhoneKeysUpgrade } from '../src/profiles/phone-keys-upgrade';
import { patientService } from '../src/patient-service';

const newPatient = (overrides: Partial<CreatePatientProfileMessage> = {}): CreatePatientProfileMessage => ({
  userId: randomUUID(),
  email: `patient.${randomUUID().slice(0, 8)}@example.com`,
  fullName: 'Lakshmi Menon',
  phone: '+91 98765 43210',
  dateOfBirth: '1988-04-12',
  gender: 'female',
  ...overrides,
});

describe('patient-service', () => {
  let service: ServiceUnderTest;

  const createProfile = (message: CreatePatientProfileMessage): Promise<PatientProfileView> =>
    service.rpc.send(PatientSubjects.createProfile, message);
  const getOwn = (actor: Actor): Promise<PatientProfileView> =>
    service.rpc.send(PatientSubjects.getOwnProfile, { actor });
  const updateOwn = (actor: Actor, body: Record<string, unknown>): Promise<PatientProfileView> =>
    service.rpc.send(PatientSubjects.updateOwnProfile, { actor, body });
  const asPatient = (patient: { id: string }): Actor => ({ userId: patient.id, role: 'patient' });

  beforeAll(async () => {
    service = await startServiceUnderTest(patientService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('creates a profile idempotently: a repeat answers the first one unchanged', async () => {
    const message = newPatient();

    const first = await createProfile(message);
    const again = await createProfile({ ...message, fullName: 'Another Name', phone: '+91 11111 11111' });

    expect(first).toEqual({
      id: message.userId,
      email: message.email,
      fullName: 'Lakshmi Menon',
      phone: '+91 98765 43210',
      dateOfBirth: '1988-04-12',
      gender: 'female',
      createdAt: expect.any(String),
    });
    expect(again).toEqual(first);
  });

  it('a patient reads and updates their own profile; null clears an optional field', async () => {
    const patient = await createProfile(newPatient());

    expect(await getOwn(asPatient(patient))).toEqual(patient);

    const updated = await updateOwn(asPatient(patient), {
      fullName: '  Lakshmi Nair ',
      gender: null,
      dateOfBirth: '1988-04-13',
    });
    expect(updated).toMatchObject({
      fullName: 'Lakshmi Nair',
      dateOfBirth: '1988-04-13',
      phone: patient.phone,
    });
    expect(updated).not.toHaveProperty('gender');
    expect(await getOwn(asPatient(patient))).toEqual(updated);
  });

  it('another service reads a profile by id, without a caller; an unknown id is 404', async () => {
    const patient = await createProfile(newPatient());

    expect(await service.rpc.send(PatientSubjects.getForService, { patientId: patient.id })).toEqual(patient);
    expect(
      await rpcFailure(service.rpc.send(PatientSubjects.getForService, { patientId: 'nobody-here' })),
    ).toMatchObject({ statusCode: 404 });
    expect(await rpcFailure(service.rpc.send(PatientSubjects.getForService, {}))).toMatchObject({
      statusCode: 400,
    });
  });

  it('a new name is published as evt.patient.renamed, a new phone number as evt.patient.phone-changed, each from the same write', async () => {
    const patient = await createProfile(newPatient());

    await updateOwn(asPatient(patient), { fullName: '  Lakshmi Iyer ' });
    const renamed = await waitForLatestEvent<ProfileRenamedEvent>(
      service.nats,
      ProfileEventTypes.patientRenamed,
      (event) => event.payload.userId === patient.id,
    );
    expect(renamed.payload).toEqual({ userId: patient.id, fullName: 'Lakshmi Iyer' });
    expect(await waitForOutboxDrained(service.db, 'patients', patient.id)).toBe(true);

    await updateOwn(asPatient(patient), { phone: '+91 90000 22222' });
    const phoneChanged = await waitForLatestEvent<PatientPhoneChangedEvent>(
      service.nats,
      PatientContactEventTypes.phoneChanged,
      (event) => event.payload.userId === patient.id,
    );
    expect(phoneChanged.payload).toEqual({ userId: patient.id, phone: '+91 90000 22222' });
    // A phone change is no rename.
    const latest = await waitForLatestEvent<ProfileRenamedEvent>(
      service.nats,
      ProfileEventTypes.patientRenamed,
      () => true,
    );
    expect(latest.id).toBe(renamed.id);

    await updateOwn(asPatient(patient), { phone: null });
    const cleared = await waitForLatestEvent<PatientPhoneChangedEvent>(
      service.nats,
      PatientContactEventTypes.phoneChanged,
      (event) => event.payload.userId === patient.id && event.id !== phoneChanged.id,
    );
    expect(cleared.payload).toEqual({ userId: patient.id, phone: null });

    // Other changes publish neither.
    await updateOwn(asPatient(patient), { gender: 'female' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const last = await waitForLatestEvent<PatientPhoneChangedEvent>(
      service.nats,
      PatientContactEventTypes.phoneChanged,
      () => true,
    );
    expect(last.id).toBe(cleared.id);
  });

  it('answers 403 to a caller who is not a patient, 404 to a patient without a profile', async () => {
    const patient = await createProfile(newPatient());

    for (const role of ['doctor', 'admin'] as const) {
      expect(await rpcFailure(getOwn({ userId: patient.id, role }))).toMatchObject({ statusCode: 403 });
      expect(await rpcFailure(updateOwn({ userId: patient.id, role }, { fullName: 'X Y' }))).toMatchObject({
        statusCode: 403,
      });
    }
    expect(await rpcFailure(getOwn({ userId: randomUUID(), role: 'patient' }))).toMatchObject({
      statusCode: 404,
    });
  });

  it('answers 400 with details for bad fields, in a create, an update or the actor', async () => {
    const badCreate = await rpcFailure(
      createProfile(newPatient({ email: 'not-an-email', dateOfBirth: '1988-02-30' })),
    );
    expect(badCreate.statusCode).toBe(400);
    expect(badCreate.details?.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['email', 'dateOfBirth']),
    );

    const patient = await createProfile(newPatient());
    const badUpdate = await rpcFailure(
      updateOwn(asPatient(patient), { gender: 'unknown', bloodGroup: 'O+' }),
    );
    expect(badUpdate.statusCode).toBe(400);
    expect(badUpdate.details?.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['gender', 'bloodGroup']),
    );

    const clearedName = await rpcFailure(updateOwn(asPatient(patient), { fullName: null }));
    expect(clearedName).toMatchObject({
      statusCode: 400,
      details: [{ field: 'fullName', problem: 'cannot be cleared' }],
    });

    const badActor = await rpcFailure(
      service.rpc.send(PatientSubjects.getOwnProfile, { actor: { userId: patient.id, role: 'nurse' } }),
    );
    expect(badActor).toMatchObject({
      statusCode: 400,
      details: [expect.objectContaining({ field: 'actor.role' })],
    });
  });

  it('the dashboard is empty until appointments, prescriptions and chat exist', async () => {
    const patient = await createProfile(newPatient());

    expect(
      await service.rpc.send<PatientDashboardView>(PatientSubjects.dashboard, { actor: asPatient(patient) }),
    ).toEqual({
      upcomingAppointments: [],
      recentPrescriptions: [],
      unreadMessages: 0,
    });
    expect(
      await rpcFailure(
        service.rpc.send(PatientSubjects.dashboard, { actor: { userId: patient.id, role: 'doctor' } }),
      ),
    ).toMatchObject({ statusCode: 403 });
  });

  it('user.registered for a patient creates the profile; suspension events are mirrored on it', async () => {
    const { userId, email, fullName, ...profile } = newPatient({ fullName: 'Farah Khan' });

    await service.events.publish(
      createEvent(UserEventTypes.registered, { userId, role: 'patient', email, fullName, profile }),
    );

    const created = await waitFor(
      () => getOwn({ userId, role: 'patient' }).catch(() => undefined),
      10000,
      'the profile',
    );
    expect(created).toMatchObject({ id: userId, email, fullName: 'Farah Khan', phone: profile.phone });

    await service.events.publish(createEvent(UserEventTypes.suspended, { userId, role: 'patient' }));
    const stored = await waitFor(
      async () => {
        const patient = await service.db.collection('patients').findOne({ _id: userId } as object);
        return patient?.accountStatus === 'suspended' ? patient : undefined;
      },
      10000,
      'the suspension',
    );
    expect(stored.accountStatusChangedAt).toBeInstanceOf(Date);
  });

  describe('health records', () => {
    const create = (actor: Actor, recordId: string, size: number): Promise<HealthRecordView> =>
      service.rpc.send(HealthRecordSubjects.create, {
        actor,
        recordId,
        fields: { title: 'HbA1c', kind: 'lab_report' },
        file: { contentType: 'application/pdf', size, fileName: 'hba1c.pdf' },
      });
    const putFile = async (recordId: string, bytes: Uint8Array): Promise<void> => {
      const bucket = await objectStoreBucket(service.nats, HEALTH_RECORDS_BUCKET)();
      await bucket.putBlob({ name: healthRecordObjectName(recordId) }, bytes);
    };

    it('records a file only once it is in the object store whole; a repeat answers the first record', async () => {
      const patient = await createProfile(newPatient());
      const recordId = randomUUID();
      const bytes = Buffer.from('%PDF-1.7 HbA1c 5.6%');

      expect(await rpcFailure(create(asPatient(patient), recordId, bytes.length))).toMatchObject({
        statusCode: 422,
      });
      await putFile(recordId, bytes);
      expect(await rpcFailure(create(asPatient(patient), recordId, bytes.length + 1))).toMatchObject({
        statusCode: 422,
      });

      const first = await create(asPatient(patient), recordId, bytes.length);
      expect(first).toMatchObject({
        id: recordId,
        patientId: patient.id,
        sharedWithDoctors: true,
        size: bytes.length,
      });
      expect(await create(asPatient(patient), recordId, bytes.length)).toEqual(first);
      // Another patient cannot take over a record id.
      const other = await createProfile(newPatient());
      expect(await rpcFailure(create(asPatient(other), recordId, bytes.length))).toMatchObject({
        statusCode: 404,
      });
      expect(await service.db.collection('healthRecords').countDocuments({ _id: recordId } as object)).toBe(
        1,
      );
    });

    it('deleting a record removes its file from the object store too', async () => {
      const patient = await createProfile(newPatient());
      const recordId = randomUUID();
      await putFile(recordId, Buffer.from('%PDF-1.7 x'));
      await create(asPatient(patient), recordId, 10);

      await service.rpc.send(HealthRecordSubjects.delete, { actor: asPatient(patient), recordId });
      const bucket = await objectStoreBucket(service.nats, HEALTH_RECORDS_BUCKET)();
      const info = await bucket.info(healthRecordObjectName(recordId));
      expect(info === null || info.deleted).toBe(true);
    });

    it('deletes the file of an upload that never became a record, once its deadline passed, and keeps recorded ones', async () => {
      const patient = await createProfile(newPatient());
      const reserve = (recordId: string) =>
        service.rpc.send(HealthRecordSubjects.reserve, { actor: asPatient(patient), recordId });
      const stored = async (recordId: string): Promise<boolean> => {
        const bucket = await objectStoreBucket(service.nats, HEALTH_RECORDS_BUCKET)();
        const info = await bucket.info(healthRecordObjectName(recordId));
        return Boolean(info && !info.deleted);
      };
      const reservations = () => service.db.collection('uploadReservations');
      // Reserved, stored, never recorded (the gateway stopped); reserved and recorded; reserved only.
      const [orphan, recorded, nothingStored] = [randomUUID(), randomUUID(), randomUUID()];
      for (const recordId of [orphan, recorded, nothingStored]) await reserve(recordId);
      await reserve(orphan); // a retried request changes nothing
      await putFile(orphan, Buffer.from('%PDF-1.7 orphan'));
      await putFile(recorded, Buffer.from('%PDF-1.7 kept'));
      await create(asPatient(patient), recorded, 13);
      expect(await reservations().countDocuments({ _id: recorded } as object)).toBe(0);
      const doctor: Actor = { userId: randomUUID(), role: 'doctor' };
      expect(
        await rpcFailure(service.rpc.send(HealthRecordSubjects.reserve, { actor: doctor, recordId: orphan })),
      ).toMatchObject({ statusCode: 403 });

      const sweep = service.app.get(HealthRecordUploadSweep);
      // Within the deadline nothing is touched: the upload may still be on its way.
      await sweep.round(new Date(Date.now() + UPLOAD_DEADLINE_MS - 60_000));
      expect(await stored(orphan)).toBe(true);

      await sweep.round(new Date(Date.now() + UPLOAD_DEADLINE_MS + 60_000));
      expect(await stored(orphan)).toBe(false);
      expect(await stored(recorded)).toBe(true);
      expect(await reservations().countDocuments({ _id: { $in: [orphan, nothingStored] } } as object)).toBe(
        0,
      );
      expect(await service.db.collection('healthRecords').countDocuments({ _id: recorded } as object)).toBe(
        1,
      );
    });
  });

  describe("the admins' search by phone (for user-service)", () => {
    const idsByPhone = async (phoneDigits: string): Promise<string[]> =>
      (await service.rpc.send<{ patientIds: string[] }>(PatientSubjects.idsByPhone, { phoneDigits }))
        .patientIds;

    it('finds a patient by the last digits or the whole number; a new number replaces the keys; cleared, none', async () => {
      const last = String(Math.floor(100000 + Math.random() * 900000));
      const patient = await createProfile(newPatient({ phone: `+91 9845 ${last}` }));
      expect(await idsByPhone(last.slice(-4))).toContain(patient.id);
      expect(await idsByPhone(`9845${last}`)).toEqual([patient.id]);
      expect(await idsByPhone(`919845${last}`)).toEqual([]); // callers send national digits

      await updateOwn(asPatient(patient), { phone: `0 9999 ${last}` });
      expect(await idsByPhone(`9845${last}`)).toEqual([]);
      expect(await idsByPhone(`9999${last}`)).toEqual([patient.id]);
      await updateOwn(asPatient(patient), { phone: null });
      expect(await idsByPhone(`9999${last}`)).toEqual([]);
      expect(await rpcFailure(idsByPhone('12'))).toMatchObject({ statusCode: 400 });
    });

    it('gives patients from before the search their keys once per database', async () => {
      const last = String(Math.floor(100000 + Math.random() * 900000));
      const patient = await createProfile(newPatient({ phone: `+91 9700 ${last}` }));
      const patients = service.db.collection<{ _id: string }>('patients');
      await patients.updateOne({ _id: patient.id }, { $unset: { phoneSuffixes: '' } });
      await service.db.collection('upgrades').deleteOne({ _id: 'patient-phone-keys-1' as never });
      expect(await idsByPhone(`9700${last}`)).toEqual([]);
      await service.app.get(PhoneKeysUpgrade).onApplicationBootstrap();
      expect(await idsByPhone(`9700${last}`)).toEqual([patient.id]);
      // The marker stays: a later start does not walk the patients again.
      await patients.updateOne({ _id: patient.id }, { $unset: { phoneSuffixes: '' } });
      await service.app.get(PhoneKeysUpgrade).onApplicationBootstrap();
      expect(await idsByPhone(`9700${last}`)).toEqual([]);
    });
  });
});
