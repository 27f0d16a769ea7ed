import { Injectable } from '@nestjs/common';
import {
  AppointmentSubjects,
  DOCTOR_CONSULTATIONS_PAGE,
  DomainError,
  type Actor,
  type DoctorConsultation,
  type DoctorConsultationsMessage,
  type DoctorConsultationsPage,
} from '@arogyam/contracts';
import { callUpstream, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';

/** At most this many pages are read for one answer (20,000 appointments): a bound on the work. */
const MAX_PAGES = 40;

/**
 * The doctor's appointments in a range, asked of appointment-service as that doctor (it answers
 * for the caller only), page by page: their id, start and status, nothing of the patient.
 */
@Injectable()
export class DoctorConsultationsLookup {
  constructor(private readonly rpc: RpcClient) {}

  async of(doctor: Actor, from: Date, to: Date): Promise<DoctorConsultation[]> {
    const all: DoctorConsultation[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const message: DoctorConsultationsMessage = {
        actor: doctor,
        from: from.toISOString(),
        to: to.toISOString(),
        page,
      };
      const answer = await callUpstream<DoctorConsultationsPage>(
        this.rpc,
        AppointmentSubjects.consultationsForDoctor,
        message,
        'No appointments found.',
        currentRequestId(),
      );
      all.push(...answer.items);
      if (answer.items.length < DOCTOR_CONSULTATIONS_PAGE) return all;
    }
    throw DomainError.unprocessable('Too many consultations in this period: choose a shorter one.');
  }
}
