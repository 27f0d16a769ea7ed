import { Injectable } from '@nestjs/common';
import {
  AppointmentSubjects,
  type Actor,
  type AppointmentForActorMessage,
  type AppointmentView,
} from '@arogyam/contracts';
import { callUpstream, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '../logging/request-context';

export const NOT_YOUR_APPOINTMENT = 'Appointment not found.';

/**
 * The appointment as its patient or doctor sees it, asked of appointment-service over NATS as
 * that person: appointment-service decides who may see it and answers 404 for anyone else. The
 * services whose access rides on an appointment (reviews, health records) ask through this.
 */
@Injectable()
export class AppointmentLookup {
  constructor(private readonly rpc: RpcClient) {}

  forActor(actor: Actor, appointmentId: string): Promise<AppointmentView> {
    const message: AppointmentForActorMessage = { actor, appointmentId };
    return callUpstream(
      this.rpc,
      AppointmentSubjects.getForActor,
      message,
      NOT_YOUR_APPOINTMENT,
      currentRequestId(),
    );
  }
}
