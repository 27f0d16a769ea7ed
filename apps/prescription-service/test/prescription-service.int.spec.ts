import { randomUUID } from 'node:crypto';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import {
  AppointmentSubjects,
  DoctorSubjects,
  EVENTS_STREAM,
  PrescriptionEventTypes,
  PrescriptionSubjects,
  eventSubject,
  type Actor,
  type AppointmentStatus,
  type AppointmentView,
  type DoctorProfileView,
  type Page,
  type PrescriptionIssuedEvent,
  type PrescriptionPdf,
  type PrescriptionView,
} from '@arogyam/contracts';
import {
  extractPdfText,
  rpcFailure,
  startServiceUnderTest,
  waitFor,
  waitForOutboxDrained,
  indexesFerretDbLacks,
  indexesOnceBuilt,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { prescriptionService } from '../src/prescription-service';

const codec = JSONCodec<unknown>();

/**
 * Stands in for another service on the test's private NATS: answers `subject` in the
 * @nestjs/microservices reply format, with a 404 error where `answer` finds nothing.
 */
function respond(
  nats: NatsConnection,
  subject: string,
  answer: (data: Record<string, string>) => unknown,
): Subscription {
  return nats.subscribe(subject, {
    queue: `${subject.split('.')[0]}-service`,
    callback: (error, message) => {
      if (error) return;
      const packet = codec.decode(message.data) as { id: string; data: Record<string, string> };
      const response = answer(packet.data);
      const reply =
        response === undefined
          ? {
              id: packet.id,
              err: { statusCode: 404, error: 'Not Found', code: 'not_found', message: 'Not found' },
              isDisposed: true,
            }
          : { id: packet.id, response, isDisposed: true };
      message.respond(codec.encode(reply));
    },
  });
}

const item = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  drug: 'Amoxicillin',
  dose: '500 mg',
  frequency: '1-0-1 after food',
  durationDays: 5,
  ...overrides,
});

describe('prescription-service', () => {
  let service: ServiceUnderTest;
  const appointments = new Map<string, AppointmentView>();
  const doctors = new Map<string, DoctorProfileView>();
  let appointmentResponder: Subscription;

  const answerAppointments = (): Subscription =>
    respond(service.nats, AppointmentSubjects.get, ({ appointmentId }) => appointments.get(appointmentId));

  const doctor = (
    fullName: string,
    licenseNumber: string,
    verificationStatus: 'approved' | 'pending' = 'approved',
  ): Actor => {
    const id = randomUUID();
    doctors.set(id, {
      id,
      email: `${id}@clinic.example`,
      fullName,
      specialization: 'General Medicine',
      licenseNumber,
      yearsOfExperience: 9,
      consultationFee: { amount: 50000, currency: 'INR' },
      languages: ['English'],
      rating: 0,
      reviewCount: 0,
      verificationStatus,
      accountStatus: 'active',
      createdAt: new Date().toISOString(),
    });
    return { userId: id, role: 'doctor' };
  };
  const patientNames = new Map<string, string>();

  const patient = (fullName: string): Actor => {
    const id = randomUUID();
    patientNames.set(id, fullName);
    return { userId: id, role: 'patient' };
  };

  /** An appointment between them, as appointment-service would answer it. */
  const appointment = (doctorActor: Actor, patientActor: Actor, status: AppointmentStatus): string => {
    const id = randomUUID();
    const doctorProfile = doctors.get(doctorActor.userId);
    appointments.set(id, {
      id,
      doctorId: doctorActor.userId,
      patientId: patientActor.userId,
      doctor: {
        id: doctorActor.userId,
        fullName: doctorProfile?.fullName ?? 'Unknown',
        specialization: doctorProfile?.specialization ?? 'General Medicine',
      },
      patient: { id: patientActor.userId, fullName: patientNames.get(patientActor.userId) ?? 'Unknown' },
      startAt: '2026-12-01T04:30:00.000Z',
      endAt: '2026-12-01T04:45:00.000Z',
      mode: 'video',
      reason: 'Fever',
      status,
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    return id;
  };

  const issue = (actor: Actor, body: Record<string, unknown>): Promise<PrescriptionView> =>
    service.rpc.send(PrescriptionSubjects.issue, { actor, body });
  const issueFor = (
    actor: Actor,
    appointmentId: string,
    extra: Record<string, unknown> = {},
  ): Promise<PrescriptionView> => issue(actor, { appointmentId, items: [item()], ...extra });
  const get = (actor: Actor, prescriptionId: string): Promise<PrescriptionView> =>
    service.rpc.send(PrescriptionSubjects.get, { actor, prescriptionId });
  const list = (actor: Actor, query: Record<string, unknown> = {}): Promise<Page<PrescriptionView>> =>
    service.rpc.send(PrescriptionSubjects.list, { actor, query });
  const listIds = async (actor: Actor, query: Record<string, unknown> = {}): Promise<string[]> =>
    (await list(actor, query)).items.map((prescription) => prescription.id);
  const pdf = (actor: Actor, prescriptionId: string): Promise<PrescriptionPdf> =>
    service.rpc.send(PrescriptionSubjects.pdf, { actor, prescriptionId });
  const pdfText = async (file: PrescriptionPdf): Promise<string> =>
    (await extractPdfText(Buffer.from(file.contentBase64, 'base64'))).replace(/\s+/g, ' ');
  const stored = (prescriptionId: string) =>
    service.db.collection('prescriptions').findOne({ _id: prescriptionId } as object);
  const storedFor = (appointmentId: string): Promise<number> =>
    service.db.collection('prescriptions').countDocuments({ appointmentId });
  /**
   * FerretDB 1.24 (SQLite) applies an update as read, modify, write back: the relay's outbox
   * clean-up and a correction's link on the same document at the same instant can lose one
   * (MongoDB is atomic here). Waiting for the clean-up keeps each test about one thing; the
   * read-side repair of a lost link has its own test.
   */
  const outboxDrained = (prescriptionId: string): Promise<boolean> =>
    waitForOutboxDrained(service.db, 'prescriptions', prescriptionId);
  const issuedAndDrained = async (actor: Actor, body: Record<string, unknown>): Promise<PrescriptionView> => {
    const issued = await issue(actor, body);
    await outboxDrained(issued.id);
    return issued;
  };

  beforeAll(async () => {
    service = await startServiceUnderTest(prescriptionService);
    appointmentResponder = answerAppointments();
    respond(service.nats, DoctorSubjects.getProfileForService, ({ doctorId }) => doctors.get(doctorId));
    await service.nats.flush();
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('backs every query with an index, one correction per version, and no text, geo or TTL index', async () => {
    const indexes = await indexesOnceBuilt(service.db, 'prescriptions', 7);

    expect(indexes.map((index) => index.key)).toEqual(
      expect.arrayContaining([
        { patientId: 1, issuedAt: -1, _id: 1 },
        { doctorId: 1, issuedAt: -1, _id: 1 },
        { appointmentId: 1, issuedAt: -1, _id: 1 },
        { supersedesId: 1 },
        { verificationCode: 1 },
        { outboxPending: 1 },
      ]),
    );
    // FerretDB lists the sparse index without its `sparse` flag but honours it (see the
    // corrections tests: many originals without `supersedesId`, duplicates refused).
    expect(indexes.find((index) => index.key.supersedesId === 1)).toMatchObject({ unique: true });
    expect(indexes.find((index) => index.key.verificationCode === 1)).toMatchObject({ unique: true });
    expect(indexesFerretDbLacks(indexes)).toEqual([]);
  });

  describe('issuing', () => {
    const doctorX = (): Actor => doctor('Kavya Nair', 'KMC-12345');

    it("the appointment's doctor issues during the consultation: the view is complete and trimmed", async () => {
      const x = doctorX();
      const ravi = patient('Ravi Kumar');
      const appointmentId = appointment(x, ravi, 'in_consultation');

      const issued = await issue(x, {
        appointmentId,
        items: [
          item({ drug: '  Amoxicillin ', dose: ' 500 mg', instructions: '  after food  ' }),
          item({
            drug: 'Paracetamol',
            dose: '650 mg',
            frequency: 'when needed',
            durationDays: 3,
            instructions: '   ',
          }),
        ],
        advice: '  Drink plenty of fluids. ',
      });

      expect(issued).toEqual({
        id: expect.any(String),
        appointmentId,
        doctorId: x.userId,
        patientId: ravi.userId,
        doctor: {
          id: x.userId,
          fullName: 'Kavya Nair',
          specialization: 'General Medicine',
          licenseNumber: 'KMC-12345',
        },
        patient: { id: ravi.userId, fullName: 'Ravi Kumar' },
        items: [
          {
            drug: 'Amoxicillin',
            dose: '500 mg',
            frequency: '1-0-1 after food',
            durationDays: 5,
            instructions: 'after food',
          },
          { drug: 'Paracetamol', dose: '650 mg', frequency: 'when needed', durationDays: 3 },
        ],
        advice: 'Drink plenty of fluids.',
        version: 1,
        verificationCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{12}$/),
        issuedAt: expect.any(String),
      });
      expect(Math.abs(Date.parse(issued.issuedAt) - Date.now())).toBeLessThan(60_000);
      expect(await get(x, issued.id)).toEqual(issued);
    });

    it('also once the appointment is completed; every prescription gets its own verification code', async () => {
      const x = doctorX();
      const appointmentId = appointment(x, patient('Ravi Kumar'), 'completed');

      const first = await issueFor(x, appointmentId);
      const second = await issueFor(x, appointmentId);

      expect(first.version).toBe(1);
      expect(second.version).toBe(1);
      expect(second.verificationCode).not.toBe(first.verificationCode);
    });

    it('publishes evt.prescription.issued on JetStream from the outbox, with the view as payload', async () => {
      const x = doctorX();
      const jsm = await service.nats.jetstreamManager();
      // Other suites on the same server issue prescriptions too: read this one's event among the
      // stream's messages from here on, not whichever is last.
      let from = (await jsm.streams.info(EVENTS_STREAM)).state.last_seq + 1;
      const issued = await issueFor(x, appointment(x, patient('Esha Events'), 'completed'));

      const event = await waitFor(
        async () => {
          for (;;) {
            const message = await jsm.streams
              .getMessage(EVENTS_STREAM, {
                next_by_subj: eventSubject(PrescriptionEventTypes.issued),
                seq: from,
              })
              .catch(() => undefined);
            if (!message) return undefined;
            from = message.seq + 1;
            const candidate = message.json<PrescriptionIssuedEvent>();
            if (candidate.payload.id === issued.id) return candidate;
          }
        },
        10000,
        'evt.prescription.issued',
      );

      expect(event).toMatchObject({ type: PrescriptionEventTypes.issued, version: 1, payload: issued });
      expect(await outboxDrained(issued.id)).toBe(true);
    });

    it('refuses anyone but the appointment doctor, with 403 or 404 and nothing stored', async () => {
      const x = doctorX();
      const y = doctor('Yusuf Khan', 'DMC-55555');
      const ravi = patient('Ravi Kumar');
      const appointmentId = appointment(x, ravi, 'in_consultation');

      expect(await rpcFailure(issueFor(ravi, appointmentId))).toMatchObject({
        statusCode: 403,
        message: 'Only doctor accounts may do this.',
      });
      expect(await rpcFailure(issueFor({ userId: 'admin-1', role: 'admin' }, appointmentId))).toMatchObject({
        statusCode: 403,
      });
      expect(await rpcFailure(issueFor(y, appointmentId))).toMatchObject({
        statusCode: 404,
        message: 'Appointment not found: only its own doctor may prescribe for it.',
      });
      expect(await rpcFailure(issueFor(x, randomUUID()))).toMatchObject({
        statusCode: 404,
        message: 'Appointment not found.',
      });
      expect(await storedFor(appointmentId)).toBe(0);
    });

    it('refuses before the consultation and for cancelled or missed appointments (409, naming the status)', async () => {
      const x = doctorX();
      const ravi = patient('Ravi Kumar');

      for (const status of ['booked', 'checked_in', 'cancelled', 'no_show'] as const) {
        const appointmentId = appointment(x, ravi, status);
        const failure = await rpcFailure(issueFor(x, appointmentId));
        expect(failure).toMatchObject({ statusCode: 409, error: 'Conflict' });
        expect(failure.message).toContain(`this one is ${status}`);
        expect(await storedFor(appointmentId)).toBe(0);
      }
    });

    it('refuses a doctor whose registration is not verified (403)', async () => {
      const pending = doctor('Pallavi Pending', 'KMC-00001', 'pending');
      const appointmentId = appointment(pending, patient('Ravi Kumar'), 'in_consultation');

      expect(await rpcFailure(issueFor(pending, appointmentId))).toMatchObject({
        statusCode: 403,
        message: 'Only verified doctors may issue prescriptions.',
      });
      expect(await storedFor(appointmentId)).toBe(0);
    });

    it('answers 503 at once, not a hang, while appointment-service is down', async () => {
      const x = doctorX();
      const appointmentId = appointment(x, patient('Ravi Kumar'), 'in_consultation');
      appointmentResponder.unsubscribe();
      await service.nats.flush();
      try {
        const started = Date.now();
        expect(await rpcFailure(issueFor(x, appointmentId))).toMatchObject({
          statusCode: 503,
          message: 'The appointment service is unavailable; please try again shortly.',
        });
        expect(Date.now() - started).toBeLessThan(2000);
      } finally {
        appointmentResponder = answerAppointments();
        await service.nats.flush();
      }
      expect(await issueFor(x, appointmentId)).toMatchObject({ appointmentId });
    });

    describe('validation (400 with details, nothing stored)', () => {
      let x: Actor;
      let appointmentId: string;

      beforeAll(() => {
        x = doctorX();
        appointmentId = appointment(x, patient('Ravi Kumar'), 'in_consultation');
      });

      const problemFields = async (body: Record<string, unknown>): Promise<string[] | undefined> => {
        const failure = await rpcFailure(issue(x, { appointmentId, ...body }));
        expect(failure).toMatchObject({ statusCode: 400, message: 'The request has invalid fields.' });
        return failure.details?.map((detail) => detail.field);
      };

      afterAll(async () => {
        expect(await storedFor(appointmentId)).toBe(0);
      });

      it('a duration of 0 or 366 days', async () => {
        expect(await problemFields({ items: [item({ durationDays: 0 })] })).toEqual(['items.0.durationDays']);
        expect(await problemFields({ items: [item(), item({ durationDays: 366 })] })).toEqual([
          'items.1.durationDays',
        ]);
        expect(await problemFields({ items: [item({ durationDays: 2.5 })] })).toEqual([
          'items.0.durationDays',
        ]);
      });

      it('a missing or blank drug, dose or frequency', async () => {
        expect(await problemFields({ items: [item({ drug: undefined })] })).toEqual(
          expect.arrayContaining(['items.0.drug']),
        );
        expect(await problemFields({ items: [item({ dose: '   ', frequency: '' })] })).toEqual(
          expect.arrayContaining(['items.0.dose', 'items.0.frequency']),
        );
      });

      it('no items, or more than 30', async () => {
        expect(await problemFields({ items: [] })).toEqual(['items']);
        expect(await problemFields({ items: Array.from({ length: 31 }, () => item()) })).toEqual(['items']);
        expect(await problemFields({})).toEqual(expect.arrayContaining(['items']));
      });

      it('too long texts', async () => {
        expect(
          await problemFields({
            items: [item({ drug: 'x'.repeat(121), instructions: 'y'.repeat(301) })],
            advice: 'z'.repeat(2001),
          }),
        ).toEqual(expect.arrayContaining(['items.0.drug', 'items.0.instructions', 'advice']));
      });

      it('unknown fields, at the top and inside an item', async () => {
        expect(await problemFields({ items: [item({ brand: 'Mox' })], doctorId: 'someone-else' })).toEqual(
          expect.arrayContaining(['items.0.brand', 'doctorId']),
        );
      });
    });
  });

  describe('access', () => {
    let x: Actor;
    let y: Actor;
    let a: Actor;
    let b: Actor;
    let xForA: PrescriptionView;
    let yForA: PrescriptionView;
    let xForB: PrescriptionView;
    let appointmentXA: string;
    const admin: Actor = { userId: 'admin-1', role: 'admin' };

    beforeAll(async () => {
      x = doctor('Xavier Dsouza', 'KMC-20001');
      y = doctor('Yamini Rao', 'KMC-20002');
      a = patient('Anita Shah');
      b = patient('Bala Murugan');
      appointmentXA = appointment(x, a, 'completed');
      xForA = await issueFor(x, appointmentXA);
      yForA = await issueFor(y, appointment(y, a, 'completed'));
      xForB = await issueFor(x, appointment(x, b, 'in_consultation'));
    });

    it('a prescription is shown to its patient and its doctor only; everyone else gets 404', async () => {
      expect(await get(a, xForA.id)).toEqual(xForA);
      expect(await get(a, yForA.id)).toEqual(yForA);
      expect(await get(x, xForA.id)).toEqual(xForA);
      expect(await get(b, xForB.id)).toEqual(xForB);

      for (const [actor, prescription] of [
        [b, xForA],
        [y, xForA],
        [x, yForA],
        [a, xForB],
        [admin, xForA],
        [{ userId: a.userId, role: 'doctor' }, xForA],
      ] as const) {
        expect(await rpcFailure(get(actor, prescription.id))).toMatchObject({
          statusCode: 404,
          message: 'Prescription not found.',
        });
      }
      expect(await rpcFailure(get(a, randomUUID()))).toMatchObject({ statusCode: 404 });
    });

    it('a patient lists their own, a doctor those they issued, newest first', async () => {
      expect(await listIds(a)).toEqual([yForA.id, xForA.id]);
      expect(await listIds(b)).toEqual([xForB.id]);
      expect(await listIds(x)).toEqual([xForB.id, xForA.id]);
      expect(await listIds(y)).toEqual([yForA.id]);
      expect(await list(a)).toMatchObject({ total: 2, page: 1, limit: 20, items: [yForA, xForA] });
    });

    it('filters by appointment and patient within what the caller may see', async () => {
      expect(await listIds(x, { patientId: a.userId })).toEqual([xForA.id]);
      expect(await listIds(x, { appointmentId: appointmentXA })).toEqual([xForA.id]);
      expect(await listIds(y, { appointmentId: appointmentXA })).toEqual([]);
      expect(await listIds(a, { appointmentId: appointmentXA })).toEqual([xForA.id]);
      expect(await listIds(a, { patientId: a.userId })).toEqual([yForA.id, xForA.id]);
      expect(await list(a, { patientId: b.userId })).toMatchObject({ items: [], total: 0 });
      expect(await listIds(b, { appointmentId: appointmentXA })).toEqual([]);
    });

    it('pages', async () => {
      expect(await list(x, { limit: 1 })).toMatchObject({ total: 2, page: 1, limit: 1, items: [xForB] });
      expect(await list(x, { limit: 1, page: 2 })).toMatchObject({
        total: 2,
        page: 2,
        limit: 1,
        items: [xForA],
      });
    });

    it('refuses admins (403) and bad queries (400 with details)', async () => {
      expect(await rpcFailure(list(admin))).toMatchObject({
        statusCode: 403,
        message: 'Only patients and doctors have prescriptions.',
      });
      const failure = await rpcFailure(list(a, { limit: 500, status: 'active' }));
      expect(failure.statusCode).toBe(400);
      expect(failure.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['query.limit', 'query.status']),
      );
    });

    it('the PDF has the same access as the JSON', async () => {
      expect((await pdf(a, xForA.id)).filename).toMatch(/\.pdf$/);
      expect((await pdf(x, xForA.id)).filename).toMatch(/\.pdf$/);
      for (const actor of [b, y, admin]) {
        expect(await rpcFailure(pdf(actor, xForA.id))).toMatchObject({ statusCode: 404 });
      }
    });
  });

  describe('immutability and corrections', () => {
    let x: Actor;
    let ravi: Actor;
    let appointmentId: string;
    let original: PrescriptionView;

    const correct = (
      actor: Actor,
      supersedesId: string,
      extra: Record<string, unknown> = {},
    ): Promise<PrescriptionView> =>
      issue(actor, {
        appointmentId,
        items: [item({ dose: '250 mg', durationDays: 7 })],
        advice: 'Corrected dose.',
        supersedesId,
        ...extra,
      });

    beforeAll(async () => {
      x = doctor('Kavya Nair', 'KMC-12345');
      ravi = patient('Ravi Kumar');
      appointmentId = appointment(x, ravi, 'completed');
      original = await issuedAndDrained(x, { appointmentId, items: [item()], advice: 'Rest.' });
    });

    it('a correction is a new version; the old one is unchanged but for a link to it', async () => {
      const before = await stored(original.id);

      const correction = await correct(x, original.id);

      expect(correction).toMatchObject({
        appointmentId,
        version: 2,
        supersedesId: original.id,
        items: [{ drug: 'Amoxicillin', dose: '250 mg', durationDays: 7 }],
        advice: 'Corrected dose.',
      });
      expect(correction.id).not.toBe(original.id);
      expect(correction.verificationCode).not.toBe(original.verificationCode);
      expect(correction).not.toHaveProperty('supersededById');
      expect(await get(ravi, original.id)).toEqual({ ...original, supersededById: correction.id });
      expect(await stored(original.id)).toEqual({ ...before, supersededById: correction.id });
      await outboxDrained(correction.id);
    });

    it('each version is corrected once (409 naming the correction); the latest may be corrected again', async () => {
      const [second] = (await list(x, { appointmentId })).items;

      const failure = await rpcFailure(correct(x, original.id));
      expect(failure).toMatchObject({ statusCode: 409 });
      expect(failure.message).toBe(
        `This prescription was already corrected by ${second.id}; correct the latest version instead.`,
      );

      const third = await correct(x, second.id, { advice: 'Second correction.' });
      expect(third).toMatchObject({ version: 3, supersedesId: second.id });
      expect(
        (await list(ravi, { appointmentId })).items.map((p) => [p.version, p.supersedesId, p.supersededById]),
      ).toEqual([
        [3, second.id, undefined],
        [2, original.id, third.id],
        [1, undefined, second.id],
      ]);
      await outboxDrained(third.id);
    });

    it('two concurrent corrections of one version: exactly one wins, the other answers 409', async () => {
      const base = await issuedAndDrained(x, { appointmentId, items: [item({ drug: 'Cetirizine' })] });

      const results = await Promise.allSettled([
        correct(x, base.id),
        correct(x, base.id),
        correct(x, base.id),
      ]);

      const won = results.filter((result) => result.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const result of results.filter((r) => r.status === 'rejected')) {
        expect(await rpcFailure(Promise.reject((result as PromiseRejectedResult).reason))).toMatchObject({
          statusCode: 409,
        });
      }
      expect(await service.db.collection('prescriptions').countDocuments({ supersedesId: base.id })).toBe(1);
    });

    it('the database itself refuses a second correction of one version (unique sparse index)', async () => {
      const collection = service.db.collection('prescriptions');
      // Originals carry no supersedesId at all, and there are many of them: the index is sparse.
      expect(await collection.countDocuments({ supersedesId: { $exists: false } })).toBeGreaterThan(1);

      await expect(
        collection.insertOne({ _id: randomUUID(), supersedesId: original.id } as object),
      ).rejects.toMatchObject({ code: 11000 });
    });

    it('a lost link (a crash between the two writes) is repaired on the next read', async () => {
      const base = await issuedAndDrained(x, { appointmentId, items: [item({ drug: 'Ibuprofen' })] });
      const correction = await correct(x, base.id);
      await outboxDrained(correction.id);
      await service.db
        .collection('prescriptions')
        .updateOne({ _id: base.id } as object, { $unset: { supersededById: '' } });

      expect(await rpcFailure(correct(x, base.id))).toMatchObject({ statusCode: 409 });
      expect(await get(x, base.id)).toMatchObject({ supersededById: correction.id });
      expect(await stored(base.id)).toMatchObject({ supersededById: correction.id });
    });

    it("refuses to correct another doctor's or an unknown prescription (404), or across appointments (422)", async () => {
      const y = doctor('Yusuf Khan', 'DMC-55555');
      const yAppointment = appointment(y, ravi, 'completed');
      const yours = await issuedAndDrained(y, { appointmentId: yAppointment, items: [item()] });

      expect(await rpcFailure(correct(x, yours.id))).toMatchObject({
        statusCode: 404,
        message: 'The prescription to correct was not found among yours.',
      });
      expect(await rpcFailure(correct(y, yours.id, { appointmentId }))).toMatchObject({ statusCode: 404 });
      expect(await rpcFailure(correct(x, randomUUID()))).toMatchObject({ statusCode: 404 });

      const otherVisit = appointment(x, ravi, 'completed');
      const elsewhere = await issuedAndDrained(x, { appointmentId: otherVisit, items: [item()] });
      expect(await rpcFailure(correct(x, elsewhere.id))).toMatchObject({
        statusCode: 422,
        message: 'A correction must be for the same appointment as the prescription it corrects.',
      });
      expect(
        await service.db.collection('prescriptions').countDocuments({ supersedesId: elsewhere.id }),
      ).toBe(0);
    });
  });

  describe('PDF', () => {
    let x: Actor;
    let ravi: Actor;
    let issued: PrescriptionView;

    beforeAll(async () => {
      x = doctor('Kavya Nair', 'KMC-12345');
      ravi = patient('Ravi Kumar');
      issued = await issuedAndDrained(x, {
        appointmentId: appointment(x, ravi, 'completed'),
        items: [
          item({ instructions: 'Take after food' }),
          item({ drug: 'Paracetamol', dose: '650 mg', frequency: 'every 6 hours if fever', durationDays: 1 }),
        ],
        advice: 'Rest and drink plenty of fluids; come back if the fever lasts beyond three days.',
      });
    });

    it('is an A4 PDF whose text has the doctor, registration number, patient, date, items, advice and code', async () => {
      const file = await pdf(ravi, issued.id);
      const bytes = Buffer.from(file.contentBase64, 'base64');

      expect(file.filename).toMatch(
        new RegExp(`^prescription-\\d{4}-\\d{2}-\\d{2}-${issued.id.slice(0, 8)}\\.pdf$`),
      );
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

      const text = await pdfText(file);
      for (const expected of [
        'Arogyam',
        'Dr. Kavya Nair',
        'General Medicine',
        'Registration number: KMC-12345',
        'Patient: Ravi Kumar',
        '1. Amoxicillin',
        '500 mg · 1-0-1 after food · for 5 days',
        'Instructions: Take after food',
        '2. Paracetamol',
        '650 mg · every 6 hours if fever · for 1 day',
        'Advice',
        'Rest and drink plenty of fluids; come back if the fever lasts beyond three days.',
        `Verification code: ${issued.verificationCode}`,
        `Prescription ID: ${issued.id}`,
      ]) {
        expect(text).toContain(expected);
      }
      const day = new Intl.DateTimeFormat('en-IN', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Asia/Kolkata',
      }).format(new Date(issued.issuedAt));
      expect(text).toContain(`Date: ${day}`);
      expect(text).not.toContain('SUPERSEDED');
    });

    it('a superseded version says so, and its correction names the version it corrects', async () => {
      const correction = await issue(x, {
        appointmentId: issued.appointmentId,
        items: [item({ durationDays: 7 })],
        supersedesId: issued.id,
      });

      const oldText = await pdfText(await pdf(ravi, issued.id));
      const newText = await pdfText(await pdf(x, correction.id));

      expect(oldText).toContain(
        `SUPERSEDED by prescription ${correction.id}. Do not dispense from this version.`,
      );
      expect(newText).toContain(`Prescription, version 2 (corrects ${issued.id})`);
      expect(newText).toContain(`Verification code: ${correction.verificationCode}`);
      expect(newText).not.toContain('SUPERSEDED');
    });

    it('prints names and instructions in Indic scripts with fonts that have their letters', async () => {
      const meera = doctor('मीरा अय्यर', 'MMC-4242');
      const rahul = patient('राहुल शर्मा');
      const hindi = await issuedAndDrained(meera, {
        appointmentId: appointment(meera, rahul, 'completed'),
        items: [item({ frequency: 'दिन में दो बार', instructions: 'சாப்பிட்ட பிறகு' })],
        advice: 'খাওয়ার পরে বিশ্রাম নিন',
      });
      const file = await pdf(rahul, hindi.id);
      const bytes = Buffer.from(file.contentBase64, 'base64').toString('latin1');
      // Each script in its own embedded (subset) font; nothing fell back to a Latin-1 font.
      for (const family of ['NotoSans', 'NotoSansDevanagari', 'NotoSansTamil', 'NotoSansBengali']) {
        expect(bytes).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${family}-`));
      }
      expect(bytes).not.toMatch(/\/BaseFont \/Helvetica/);

      // Text readers give glyphs in visual order: a vowel sign drawn before its consonant (ि) or a
      // reph (र्) drawn above the next one comes out reordered, so these words avoid both.
      const text = await pdfText(file);
      for (const expected of [
        'Dr. मीरा अय्यर',
        'Patient: राहुल',
        'Registration number: MMC-4242',
        'Instructions: சாப்பிட்ட பிறகு',
      ]) {
        expect(text).toContain(expected);
      }
    });
  });
});
