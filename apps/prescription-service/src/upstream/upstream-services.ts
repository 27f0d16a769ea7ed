import { Injectable } from '@nestjs/common';
import {
  AppointmentSubjects,
  DoctorSubjects,
  type AppointmentIdMessage,
  type AppointmentView,
  type DoctorIdMessage,
  type DoctorProfileView,
} from '@arogyam/contracts';
import { callUpstream, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';

/**
 * What prescription-service asks other services, over NATS only. Their failures keep their status
 * and message (404, or 503/504 when a service is down or slow) and leave this service as its own
 * domain errors, so the caller sees why, not a 500.
 */
@Injectable()
export class UpstreamServices {
  constructor(private readonly rpc: RpcClient) {}

  appointment(appointmentId: string): Promise<AppointmentView> {
    const message: AppointmentIdMessage = { appointmentId };
    return this.send(AppointmentSubjects.get, message, 'Appointment not found.');
  }

  /** The doctor's full profile, whatever its status: the prescription prints the registration number. */
  doctorProfile(doctorId: string): Promise<DoctorProfileView> {
    const message: DoctorIdMessage = { doctorId };
    return this.send(DoctorSubjects.getProfileForService, message, 'Your doctor profile was not found.');
  }

  private send<T>(subject: string, data: object, notFoundMessage: string): Promise<T> {
    return callUpstream<T>(this.rpc, subject, data, notFoundMessage, currentRequestId());
  }
}
