import { Injectable } from '@nestjs/common';
import {
  AppointmentSubjects,
  type Actor,
  type AppointmentForActorMessage,
  type AppointmentView,
  type CareRelationshipAnswer,
} from '@arogyam/contracts';
import { callUpstream, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '../logging/request-context';

export const NOT_YOUR_APPOINTMENT = 'Appointment not found.';

/**
 * The appointment as its patient or doctor sees it, asked of appointment-service over NATS as
 * that person: appointment-service decides who may see it and answers 404 for anyone else. The
 * services whose access rides on an appointment (reviews, health records, prescriptions' history)
 * ask through this; for a doctor's clinical reads, what the care relationship opens.
 */
@Injectable()
export class AppointmentLookup {
  constructor(private readonly rpc: RpcClient) {}

  forActor(actor: Actor, appointmentId: string): Promise<AppointmentView> {
    return this.ask(AppointmentSubjects.getForActor, actor, appointmentId);
  }

  /**
   * The doctor's appointment and what it lets them read of its patient (the care relationship,
   * decided by appointment-service on every ask); 404 when it is not theirs or opens nothing.
   */
  careRelationship(actor: Actor, appointmentId: string): Promise<CareRelationshipAnswer> {
    return this.ask(AppointmentSubjects.careRelationship, actor, appointmentId);
  }

  private ask<T>(subject: string, actor: Actor, appointmentId: string): Promise<T> {
    const message: AppointmentForActorMessage = { actor, appointmentId };
    return callUpstream(this.rpc, subject, message, NOT_YOUR_APPOINTMENT, currentRequestId());
  }
}
