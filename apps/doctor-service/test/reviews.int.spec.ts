import { randomUUID } from 'node:crypto';
import { JSONCodec, type Subscription } from 'nats';
import {
  AppointmentSubjects,
  DOCTOR_DIRECTORY_CHANGED,
  DoctorSubjects,
  ReviewEventTypes,
  ReviewSubjects,
  type Actor,
  type AppointmentForActorMessage,
  type AppointmentReviewView,
  type AppointmentStatus,
  type AppointmentView,
  type DoctorProfileView,
  type DoctorPublicProfileView,
  type DoctorSummary,
  type Page,
  type ReviewSubmittedEvent,
  type ReviewView,
} from '@arogyam/contracts';
import {
  rpcFailure,
  standIn,
  startServiceUnderTest,
  waitFor,
  waitForLatestEvent,
  indexesOnceBuilt,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { doctorService } from '../src/doctor-service';

const admin: Actor = { userId: 'admin-1', role: 'admin' };
const patient = (): Actor => ({ userId: randomUUID(), role: 'patient' });

describe('doctor-service reviews', () => {
  let service: ServiceUnderTest;
  let appointmentService: Subscription;
  /** What the appointment-service stand-in knows; it answers their patient and doctor only. */
  const appointments = new Map<string, AppointmentView>();

  const approvedDoctor = async (fullName: string, verify = true): Promise<Actor> => {
    const userId = randomUUID();
    await service.rpc.send<DoctorProfileView>(DoctorSubjects.createProfile, {
      userId,
      email: `${userId.slice(0, 8)}@clinic.example`,
      fullName,
      specialization: 'Dermatology',
      licenseNumber: 'KMC-555',
      yearsOfExperience: 6,
      consultationFee: { amount: 60000, currency: 'INR' },
      city: 'Madurai',
      languages: ['Tamil'],
    });
    if (verify) {
      await service.rpc.send(DoctorSubjects.verify, {
        doctorId: userId,
        actorId: admin.userId,
        decision: 'approved',
      });
    }
    return { userId, role: 'doctor' };
  };

  const appointment = (doctor: Actor, person: Actor, status: AppointmentStatus = 'completed'): string => {
    const id = randomUUID();
    const startAt = new Date(Date.now() - 2 * 3600_000);
    appointments.set(id, {
      id,
      doctorId: doctor.userId,
      patientId: person.userId,
      doctor: { id: doctor.userId, fullName: 'Dr Meena Iyer', specialization: 'Dermatology' },
      patient: { id: person.userId, fullName: 'Arjun Dev' },
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 30 * 60_000).toISOString(),
      mode: 'video',
      status,
      createdAt: new Date().toISOString(),
    });
    return id;
  };

  const submit = (actor: Actor, body: Record<string, unknown>): Promise<AppointmentReviewView> =>
    service.rpc.send(ReviewSubjects.submit, { actor, body });
  const reviewOf = (actor: Actor, appointmentId: string): Promise<AppointmentReviewView> =>
    service.rpc.send(ReviewSubjects.getForAppointment, { actor, appointmentId });
  const reviewsOf = (doctorId: string, query: Record<string, number> = {}): Promise<Page<ReviewView>> =>
    service.rpc.send(ReviewSubjects.listForDoctor, { doctorId, query });
  const profile = (doctorId: string): Promise<DoctorPublicProfileView> =>
    service.rpc.send(DoctorSubjects.getPublicProfile, { doctorId });
  const searchItem = async (q: string): Promise<DoctorSummary | undefined> =>
    (await service.rpc.send<Page<DoctorSummary>>(DoctorSubjects.search, { q })).items[0];

  beforeAll(async () => {
    service = await startServiceUnderTest(doctorService);
    appointmentService = standIn<AppointmentForActorMessage>(
      service.nats,
      AppointmentSubjects.getForActor,
      ({ actor, appointmentId }) => {
        const found = appointments.get(appointmentId);
        return found && [found.patientId, found.doctorId].includes(actor.userId) ? found : undefined;
      },
      'Appointment not found.',
    );
  });

  afterAll(async () => {
    appointmentService?.unsubscribe();
    await service?.stop();
  });

  it('indexes a doctor’s reviews newest first', async () => {
    const indexes = await indexesOnceBuilt(service.db, 'reviews', 4);
    // The outbox's mark lets the relay's sweep find unpublished review events (outboxPlugin); the
    // patient's reviews in `_id` order are their data export's pages (data-rights/).
    expect(indexes.map((index) => index.key)).toEqual(
      expect.arrayContaining([
        { _id: 1 },
        { doctorId: 1, createdAt: -1, _id: 1 },
        { outboxPending: 1 },
        { patientId: 1, _id: 1 },
      ]),
    );
    expect(indexes).toHaveLength(4);
  });

  it('stores the review of a completed appointment and shows the new rating in profile, search and the listing notice', async () => {
    const doctor = await approvedDoctor('Meena Iyer');
    const reviewer = patient();
    const appointmentId = appointment(doctor, reviewer);
    const codec = JSONCodec<{ id: string }>();
    const notices: string[] = [];
    const notice = service.nats.subscribe(DOCTOR_DIRECTORY_CHANGED, {
      callback: (_error, message) => notices.push(codec.decode(message.data).id),
    });

    const review = await submit(reviewer, { appointmentId, rating: 4, comment: '  Listened patiently.  ' });

    expect(review).toMatchObject({
      id: appointmentId,
      appointmentId,
      doctorId: doctor.userId,
      rating: 4,
      comment: 'Listened patiently.',
      reviewerName: 'Arjun D.',
    });
    expect(await profile(doctor.userId)).toMatchObject({ rating: 4, reviewCount: 1 });
    expect(await searchItem('Meena Iyer')).toMatchObject({ id: doctor.userId, rating: 4, reviewCount: 1 });
    await waitFor(async () => notices.includes(doctor.userId), 5000, 'the listing change notice');
    notice.unsubscribe();
    // The stars reach analytics through the review's outbox; the comment and the name stay here.
    const submitted = await waitForLatestEvent<ReviewSubmittedEvent>(
      service.nats,
      ReviewEventTypes.submitted,
      (event) => event.payload.appointmentId === appointmentId,
    );
    expect(submitted.payload).toEqual({
      appointmentId,
      doctorId: doctor.userId,
      rating: 4,
      submittedAt: expect.any(String),
    });
  });

  it('answers 409 to a second review of the same appointment and keeps the first', async () => {
    const doctor = await approvedDoctor('Farah Khan');
    const reviewer = patient();
    const appointmentId = appointment(doctor, reviewer);
    await submit(reviewer, { appointmentId, rating: 5 });

    expect(await rpcFailure(submit(reviewer, { appointmentId, rating: 1 }))).toMatchObject({
      statusCode: 409,
      message: 'You have already reviewed this appointment.',
    });
    expect(await reviewOf(reviewer, appointmentId)).toMatchObject({ rating: 5 });
    expect(await profile(doctor.userId)).toMatchObject({ rating: 5, reviewCount: 1 });
  });

  it('answers 422 before the consultation is completed, and 404 for someone else’s or an unknown appointment', async () => {
    const doctor = await approvedDoctor('Suresh Babu');
    const reviewer = patient();
    const booked = appointment(doctor, reviewer, 'booked');
    const completed = appointment(doctor, reviewer);

    expect(await rpcFailure(submit(reviewer, { appointmentId: booked, rating: 3 }))).toMatchObject({
      statusCode: 422,
    });
    expect(await rpcFailure(submit(patient(), { appointmentId: completed, rating: 3 }))).toMatchObject({
      statusCode: 404,
      message: 'Appointment not found.',
    });
    expect(await rpcFailure(submit(reviewer, { appointmentId: randomUUID(), rating: 3 }))).toMatchObject({
      statusCode: 404,
    });
    expect(await rpcFailure(submit(doctor, { appointmentId: completed, rating: 3 }))).toMatchObject({
      statusCode: 403,
    });
    expect(await profile(doctor.userId)).toMatchObject({ rating: 0, reviewCount: 0 });
  });

  it('answers 400 for a rating outside 1–5, a fraction, or a comment over 2000 characters', async () => {
    const doctor = await approvedDoctor('Kiran Rao');
    const reviewer = patient();
    const appointmentId = appointment(doctor, reviewer);

    for (const body of [
      { appointmentId, rating: 0 },
      { appointmentId, rating: 6 },
      { appointmentId, rating: 4.5 },
      { appointmentId },
      { appointmentId, rating: 4, comment: 'x'.repeat(2001) },
    ]) {
      const failure = await rpcFailure(submit(reviewer, body));
      expect(failure.statusCode).toBe(400);
      expect(new Set(failure.details?.map((detail) => detail.field))).toEqual(
        new Set(['comment' in body ? 'comment' : 'rating']),
      );
    }
    expect(await submit(reviewer, { appointmentId, rating: 2, comment: '   ' })).not.toHaveProperty(
      'comment',
    );
  });

  it('counts two reviews of one doctor submitted at the same time', async () => {
    const doctor = await approvedDoctor('Lakshmi Menon');
    const first = patient();
    const second = patient();
    const appointmentIds = [appointment(doctor, first), appointment(doctor, second)];

    await Promise.all([
      submit(first, { appointmentId: appointmentIds[0], rating: 5 }),
      submit(second, { appointmentId: appointmentIds[1], rating: 4 }),
    ]);

    expect(await profile(doctor.userId)).toMatchObject({ rating: 4.5, reviewCount: 2 });
    expect(await searchItem('Lakshmi Menon')).toMatchObject({ rating: 4.5, reviewCount: 2 });
  });

  it('lists a doctor’s reviews newest first, a page at a time, averaging to one decimal', async () => {
    const doctor = await approvedDoctor('Vikram Seth');
    const ratings = [5, 4, 4];
    for (const rating of ratings) {
      const reviewer = patient();
      await submit(reviewer, {
        appointmentId: appointment(doctor, reviewer),
        rating,
        comment: `${rating} stars`,
      });
    }

    const firstPage = await reviewsOf(doctor.userId, { limit: 2 });
    const secondPage = await reviewsOf(doctor.userId, { limit: 2, page: 2 });

    expect(firstPage).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect([...firstPage.items, ...secondPage.items].map((review) => review.comment)).toEqual([
      '4 stars',
      '4 stars',
      '5 stars',
    ]);
    expect(firstPage.items[0]).toEqual({
      id: expect.any(String),
      rating: 4,
      comment: '4 stars',
      reviewerName: 'Arjun D.',
      createdAt: expect.any(String),
    });
    expect(await profile(doctor.userId)).toMatchObject({ rating: 4.3, reviewCount: 3 });
  });

  it('lists reviews only of a verified doctor', async () => {
    const pending = await approvedDoctor('Pending Pillai', false);
    expect(await rpcFailure(reviewsOf(pending.userId))).toMatchObject({ statusCode: 404 });
    expect(await rpcFailure(reviewsOf(randomUUID()))).toMatchObject({ statusCode: 404 });
  });

  it('shows an appointment’s review to its patient and doctor only', async () => {
    const doctor = await approvedDoctor('Neha Joshi');
    const reviewer = patient();
    const appointmentId = appointment(doctor, reviewer);
    const unreviewed = appointment(doctor, reviewer);
    await submit(reviewer, { appointmentId, rating: 3 });

    expect(await reviewOf(reviewer, appointmentId)).toMatchObject({ appointmentId, rating: 3 });
    expect(await reviewOf(doctor, appointmentId)).toMatchObject({ appointmentId, rating: 3 });
    expect(await rpcFailure(reviewOf(patient(), appointmentId))).toMatchObject({ statusCode: 404 });
    expect(await rpcFailure(reviewOf({ userId: randomUUID(), role: 'doctor' }, appointmentId))).toMatchObject(
      {
        statusCode: 404,
      },
    );
    expect(await rpcFailure(reviewOf(reviewer, unreviewed))).toMatchObject({
      statusCode: 404,
      message: 'This appointment has not been reviewed.',
    });
  });
});
