import { Injectable } from '@nestjs/common';
import { DoctorSubjects, type DoctorIdMessage, type DoctorProfileView } from '@arogyam/contracts';
import { callUpstream, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';

/**
 * What payment-service asks doctor-service, over NATS only; its errors keep their status. (The
 * appointment is asked through service-kit's AppointmentLookup.)
 */
@Injectable()
export class UpstreamServices {
  constructor(private readonly rpc: RpcClient) {}

  /** The doctor's profile whatever its status: it carries the consultation fee. */
  doctorProfile(doctorId: string): Promise<DoctorProfileView> {
    const message: DoctorIdMessage = { doctorId };
    return callUpstream(
      this.rpc,
      DoctorSubjects.getProfileForService,
      message,
      'The doctor was not found.',
      currentRequestId(),
    );
  }
}
