import { Injectable } from '@nestjs/common';
import {
  AppointmentSubjects,
  DoctorSubjects,
  type Actor,
  type AppointmentForActorMessage,
  type AppointmentView,
  type DoctorIdMessage,
  type DoctorProfileView,
} from '@arogyam/contracts';
import { callUpstream, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';

/** What payment-service asks other services, over NATS only; their errors keep their status. */
@Injectable()
export class UpstreamServices {
  constructor(private readonly rpc: RpcClient) {}

  /** The appointment as `actor` may see it: appointment-service decides (404 for anyone else). */
  appointmentFor(actor: Actor, appointmentId: string): Promise<AppointmentView> {
    const message: AppointmentForActorMessage = { actor, appointmentId };
    return callUpstream(
      this.rpc,
      AppointmentSubjects.getForActor,
      message,
      'Appointment not found.',
      currentRequestId(),
    );
  }

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
