import { Injectable } from '@nestjs/common';
import { AppointmentSubjects, type Actor, type DoctorPatientNames } from '@arogyam/contracts';
import { callUpstream, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';

/**
 * The names of the submitting doctor's patients, asked of appointment-service as that doctor
 * (it answers for the caller only). Used for the check, then dropped: never stored or logged.
 */
@Injectable()
export class DoctorPatientNamesLookup {
  constructor(private readonly rpc: RpcClient) {}

  async of(doctor: Actor): Promise<string[]> {
    const answer = await callUpstream<DoctorPatientNames>(
      this.rpc,
      AppointmentSubjects.patientNamesForDoctor,
      { actor: doctor },
      'No appointments found.',
      currentRequestId(),
    );
    return answer.names;
  }
}
