import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import {
  DOCTOR_DIRECTORY_CHANGED,
  DoctorSubjects,
  DomainError,
  PatientSubjects,
  ProfileEventTypes,
  eventSubject,
  type AppointmentDoctor,
  type AppointmentPatient,
  type DoctorDirectoryChange,
  type DoctorPublicProfileView,
  type EventEnvelope,
  type PatientProfileView,
  type ProfileRenamedPayload,
} from '@arogyam/contracts';
import {
  AnswerCache,
  NATS_CONNECTION,
  RpcCallError,
  RpcClient,
  invalidateOnNotices,
  scopeNamedBy,
} from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';
import { AppointmentServiceConfig } from '../config/appointment-service.config';

const directoryChange = JSONCodec<Partial<DoctorDirectoryChange>>();
const renamed = JSONCodec<EventEnvelope<string, Partial<ProfileRenamedPayload>>>();

/**
 * Asks doctor-service and patient-service who is in a booking. Their 404 gets this service's
 * own message; anything else (503 when a service is down, 504 when slow) passes through with
 * its status, so the patient is told to try again rather than that something is wrong.
 *
 * Answers are kept PROFILE_CACHE_TTL_SECONDS (0: asked every time), because the two lookups were
 * a fifth of a booking's CPU over all processes (docs/benchmarks.md). A doctor's entry goes on
 * `doctor.directory.changed`, which doctor-service sends after any change of a listing (approval,
 * suspension, reactivation, profile edit) and before it answers; a patient's on
 * `evt.patient.renamed`. A NATS reconnect, when notices can be missed, drops everything. Only
 * answers are kept: a refusal is asked again next time.
 */
@Injectable()
export class ProfileDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly doctors: AnswerCache<AppointmentDoctor>;
  private readonly patients: AnswerCache<AppointmentPatient>;
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly config: AppointmentServiceConfig,
  ) {
    // Every instance of the other services reads the same database: nothing to wait for after a notice.
    this.doctors = new AnswerCache({ entries: config.PROFILE_CACHE_ENTRIES, settleMs: 0 });
    this.patients = new AnswerCache({ entries: config.PROFILE_CACHE_ENTRIES, settleMs: 0 });
  }

  onModuleInit(): void {
    this.subscriptions = [
      invalidateOnNotices(this.doctors, this.connection, DOCTOR_DIRECTORY_CHANGED, (data) =>
        scopeNamedBy(() => directoryChange.decode(data).id),
      ),
      invalidateOnNotices(
        this.patients,
        this.connection,
        eventSubject(ProfileEventTypes.patientRenamed),
        (data) => scopeNamedBy(() => renamed.decode(data).payload?.userId),
      ),
    ];
  }

  onModuleDestroy(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
  }

  /** Only a doctor an admin approved and whose account is active: doctor-service answers 404 for anyone else. */
  bookableDoctor(doctorId: string): Promise<AppointmentDoctor> {
    return this.cached(this.doctors, doctorId, async () => {
      const doctor = await this.ask<DoctorPublicProfileView>(
        DoctorSubjects.getPublicProfile,
        { doctorId },
        'No verified doctor with that id is taking appointments.',
      );
      return { id: doctor.id, fullName: doctor.fullName, specialization: doctor.specialization };
    });
  }

  /** The patient's own profile, asked for as the patient (suspended accounts never get this far: the gateway checks every request). */
  patient(patientId: string): Promise<AppointmentPatient> {
    return this.cached(this.patients, patientId, async () => {
      const patient = await this.ask<PatientProfileView>(
        PatientSubjects.getOwnProfile,
        { actor: { userId: patientId, role: 'patient' } },
        'Complete your patient profile before booking.',
        422,
      );
      return { id: patient.id, fullName: patient.fullName };
    });
  }

  private cached<T>(cache: AnswerCache<T>, id: string, ask: () => Promise<T>): Promise<T> {
    const ttlMs = this.config.PROFILE_CACHE_TTL_SECONDS * 1000;
    if (ttlMs === 0) return ask();
    return cache.answer(id, id, ask, (_answer, now) => now + ttlMs);
  }

  private async ask<T>(subject: string, data: unknown, notFound: string, notFoundStatus = 404): Promise<T> {
    try {
      return await this.rpc.send<T>(subject, data, { requestId: currentRequestId() });
    } catch (error) {
      if (!(error instanceof RpcCallError)) throw error;
      if (error.payload.statusCode === 404) throw new DomainError(notFoundStatus, notFound);
      throw new DomainError(error.payload.statusCode, error.payload.message);
    }
  }
}
