import { Injectable } from '@nestjs/common';
import {
  DoctorSubjects,
  PatientSubjects,
  type DoctorIdMessage,
  type DoctorProfileView,
  type PatientIdMessage,
  type PatientProfileView,
} from '@arogyam/contracts';
import { RpcCallError, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';
import type { Contact, Recipient } from './recipient';

type Role = NonNullable<Recipient['role']>;

/**
 * Who a user is and where to reach them. The event payload is used where it says enough; the rest
 * is asked of the profile services over NATS (their service-only profiles, which carry no caller). A profile that does not exist answers `undefined`; a
 * profile service that is down or slow throws, so the event is retried later rather than its email
 * silently dropped.
 */
@Injectable()
export class ContactDirectory {
  constructor(private readonly rpc: RpcClient) {}

  /** Email and phone of a recipient, from the event where present, else from their profile. */
  async contactOf(recipient: Recipient): Promise<Contact> {
    if (recipient.email && recipient.phone) return recipient;
    const profile = await this.profile(recipient.userId, recipient.role);
    return {
      fullName: recipient.fullName ?? profile?.fullName,
      email: recipient.email ?? profile?.email,
      phone: recipient.phone ?? profile?.phone,
    };
  }

  /** Name and role of a user whose role the event does not say (a chat message's sender). */
  async person(userId: string): Promise<(Contact & { role: Role }) | undefined> {
    return this.profile(userId);
  }

  private async profile(userId: string, role?: Role): Promise<(Contact & { role: Role }) | undefined> {
    if (role === 'doctor') return this.doctor(userId);
    if (role === 'patient') return this.patient(userId);
    // Ids are user ids in both services, so at most one of them knows this user.
    const [doctor, patient] = await Promise.all([this.doctor(userId), this.patient(userId)]);
    return doctor ?? patient;
  }

  private async doctor(doctorId: string): Promise<(Contact & { role: Role }) | undefined> {
    const message: DoctorIdMessage = { doctorId };
    const doctor = await this.ask<DoctorProfileView>(DoctorSubjects.getProfileForService, message);
    return doctor && { role: 'doctor', fullName: doctor.fullName, email: doctor.email };
  }

  private async patient(patientId: string): Promise<(Contact & { role: Role }) | undefined> {
    const message: PatientIdMessage = { patientId };
    const patient = await this.ask<PatientProfileView>(PatientSubjects.getForService, message);
    return (
      patient && { role: 'patient', fullName: patient.fullName, email: patient.email, phone: patient.phone }
    );
  }

  private async ask<T>(subject: string, data: object): Promise<T | undefined> {
    try {
      return await this.rpc.send<T>(subject, data, { requestId: currentRequestId() });
    } catch (error) {
      if (error instanceof RpcCallError && error.payload.statusCode === 404) return undefined;
      throw error;
    }
  }
}
