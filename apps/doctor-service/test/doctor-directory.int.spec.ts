import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import {
  AppointmentSubjects,
  DoctorSubjects,
  ReviewSubjects,
  type AppointmentView,
  type DoctorSummary,
  type Page,
} from '@arogyam/contracts';
import { createServiceApp, loadConfig } from '@arogyam/service-kit';
import { standIn, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { DoctorServiceConfig } from '../src/config/doctor-service.config';
import { doctorService } from '../src/doctor-service';

/**
 * Search answers from each instance's in-memory directory. These tests run two instances in
 * one queue group on one database: whichever instance handles a change, every instance's
 * search must show it.
 */
describe('doctor directory across instances', () => {
  let first: ServiceUnderTest;
  let second: INestMicroservice;

  beforeAll(async () => {
    first = await startServiceUnderTest(doctorService, {
      INSTANCE_ID: 'first',
      DIRECTORY_RESYNC_SECONDS: '5',
    });
    const config = loadConfig(DoctorServiceConfig, {
      MONGO_URL: first.infra.mongoUrl,
      MONGO_DB: first.dbName,
      NATS_URL: first.infra.natsUrl,
      INSTANCE_ID: 'second',
      DIRECTORY_RESYNC_SECONDS: '5',
      LOG_LEVEL: 'error',
    });
    second = await createServiceApp(doctorService, config);
    await second.listen();
  });

  afterAll(async () => {
    await second?.close();
    await first?.stop();
  });

  const fields = (fullName: string) => ({
    userId: randomUUID(),
    email: `${randomUUID().slice(0, 8)}@clinic.example`,
    fullName,
    specialization: 'Nephrology',
    licenseNumber: 'KMC-77777',
    yearsOfExperience: 10,
    consultationFee: { amount: 70000, currency: 'INR' },
    city: 'Mysuru',
    languages: ['Kannada'],
  });

  /** Twenty searches spread over both instances by the queue group; every one must agree. */
  const everySearchFinds = async (name: string): Promise<boolean> => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        first.rpc.send<Page<DoctorSummary>>(DoctorSubjects.search, { q: name.split(' ')[0] }),
      ),
    );
    return answers.every((page) => page.items.some((doctor) => doctor.fullName === name));
  };

  it('an approval made through either instance shows in every instance’s search', async () => {
    const doctor = await first.rpc.send<{ id: string }>(
      DoctorSubjects.createProfile,
      fields('Girish Nephro'),
    );
    await first.rpc.send(DoctorSubjects.verify, {
      doctorId: doctor.id,
      actorId: 'admin-1',
      decision: 'approved',
    });
    // The instance that handled the approval refreshed itself before answering; the other
    // follows its notification within moments.
    await waitFor(() => everySearchFinds('Girish Nephro'), 3000, 'both instances to list the doctor');
  });

  it('a review handled by either instance shows its rating in every instance’s search', async () => {
    const doctor = await first.rpc.send<{ id: string }>(DoctorSubjects.createProfile, fields('Isha Rated'));
    await first.rpc.send(DoctorSubjects.verify, {
      doctorId: doctor.id,
      actorId: 'admin-1',
      decision: 'approved',
    });
    const patientId = randomUUID();
    const appointmentId = randomUUID();
    const completed: Pick<AppointmentView, 'id' | 'doctorId' | 'patientId' | 'status' | 'patient'> = {
      id: appointmentId,
      doctorId: doctor.id,
      patientId,
      status: 'completed',
      patient: { id: patientId, fullName: 'Omkar Patil' },
    };
    const appointmentService = standIn(first.nats, AppointmentSubjects.getForActor, () => completed);

    await first.rpc.send(ReviewSubjects.submit, {
      actor: { userId: patientId, role: 'patient' },
      body: { appointmentId, rating: 3 },
    });
    appointmentService.unsubscribe();

    const everySearchRates = async (): Promise<boolean> => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          first.rpc.send<Page<DoctorSummary>>(DoctorSubjects.search, { q: 'Isha' }),
        ),
      );
      return answers.every((page) =>
        page.items.some((item) => item.id === doctor.id && item.reviewCount === 1),
      );
    };
    await waitFor(everySearchRates, 3000, 'both instances to show the rating');
  });

  it('a doctor written behind the directories’ back appears after the periodic resync', async () => {
    const id = randomUUID();
    const now = new Date();
    await first.db.collection('doctors').insertOne({
      _id: id as never,
      ...fields('Hema Resync'),
      verificationStatus: 'approved',
      accountStatus: 'active',
      rating: 0,
      reviewCount: 0,
      specializationKey: 'nephrology',
      cityKey: 'mysuru',
      languageKeys: ['kannada'],
      nameKeys: ['hema resync', 'hema', 'resync'],
      outbox: [],
      createdAt: now,
      updatedAt: now,
    });
    await waitFor(() => everySearchFinds('Hema Resync'), 12000, 'the resync to pick up the doctor');
  });
});
