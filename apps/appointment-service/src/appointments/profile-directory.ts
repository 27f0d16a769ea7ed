import { Injectable } from '@nestjs/common';
import {
  DoctorSubjects,
  DomainError,
  PatientSubjects,
  type AppointmentDoctor,
  type AppointmentPatient,
  type DoctorPublicProfileView,
  type PatientProfileView,
} from '@arogyam/contracts';
import { RpcCallError, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';

/**
 * Asks doctor-service and patient-service who is in a booking. Their 404 gets this service's
 * own message; anything else (503 when a service is down, 504 when slow) passes through with
 * its status, so the patient is told to try again rather than that something is wrong.
 */
@Injectable()
export class ProfileDirectory {
  constructor(private readonly rpc: RpcClient) {}

  /** Only a doctor an admin approved and whose account is active: doctor-service answers 404 for anyone else. */
  async bookableDoctor(doctorId: string): Promise<AppointmentDoctor> {
    const doctor = await this.ask<DoctorPublicProfileView>(
      DoctorSubjects.getPublicProfile,
      { doctorId },
      'No verified doctor with that id is taking appointments.',
    );
    return { id: doctor.id, fullName: doctor.fullName, specialization: doctor.specialization };
  }

  /** The patient's own profile, asked for as the patient (suspended accounts never get this far: the gateway checks every request). */
  async patient(patientId: string): Promise<AppointmentPatient> {
    const patient = await this.ask<PatientProfileView>(
      PatientSubjects.getOwnProfile,
      { actor: { userId: patientId, role: 'patient' } },
      'Complete your patient profile before booking.',
      422,
    );
    return { id: patient.id, fullName: patient.fullName };
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
