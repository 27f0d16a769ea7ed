import { Injectable, Logger } from '@nestjs/common';
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
import { Clock } from '../clock/clock';
import { isComplete, type ContactCopy } from './contact-copy.schema';
import { ContactCopyRepository, type ContactFieldChange } from './contact-copy.repository';
import type { Contact, Recipient } from './recipient';

type Role = NonNullable<Recipient['role']>;
type Person = Contact & { role: Role };

/**
 * An answer is kept as known this long before it was asked: a profile event stamped just before
 * the change was written (or on a clock a little ahead) still wins when it arrives after the answer.
 */
const KEPT_ANSWER_MARGIN_MS = 5 * 60_000;

/**
 * Who a user is and where to reach them. The event payload is used where it says enough, then
 * this service's copy (kept from the profile events: contact-events.ts). Only a person the copy
 * does not fully know (registered before it was kept) is asked of the profile services over NATS
 * (their service-only profiles, which carry no caller), and the answer is kept. A profile that
 * does not exist answers `undefined`; a profile service that is down or slow throws, so the event
 * is retried later rather than its email silently dropped.
 */
@Injectable()
export class ContactDirectory {
  private readonly logger = new Logger(ContactDirectory.name);

  constructor(
    private readonly rpc: RpcClient,
    private readonly copies: ContactCopyRepository,
    private readonly clock: Clock,
  ) {}

  /** Email and phone of a recipient, from the event where present, else from the copy or their profile. */
  async contactOf(recipient: Recipient): Promise<Contact> {
    if (recipient.email && recipient.phone) return recipient;
    return this.contactFrom(recipient, await this.copies.findOf(recipient.userId));
  }

  /** As contactOf, with the recipient's copy already read (with their preferences). */
  async contactFrom(recipient: Recipient, copy: ContactCopy | undefined): Promise<Contact> {
    if (recipient.email && recipient.phone) return recipient;
    const profile =
      this.fromCopy(copy, recipient.role) ?? (await this.profile(recipient.userId, recipient.role));
    return {
      fullName: recipient.fullName ?? profile?.fullName,
      email: recipient.email ?? profile?.email,
      phone: recipient.phone ?? profile?.phone,
    };
  }

  /** Name and role of a user whose role the event does not say (a chat message's sender). */
  async person(userId: string): Promise<Person | undefined> {
    return this.fromCopy(await this.copies.findOf(userId)) ?? this.profile(userId);
  }

  private fromCopy(copy: ContactCopy | undefined, role?: Role): Person | undefined {
    if (!isComplete(copy) || (role && copy.role !== role)) return undefined;
    return { role: copy.role, fullName: copy.fullName, email: copy.email, phone: copy.phone };
  }

  private async profile(userId: string, role?: Role): Promise<Person | undefined> {
    const knownAt = new Date(this.clock.now().getTime() - KEPT_ANSWER_MARGIN_MS);
    const found = await this.ask(userId, role);
    if (found) await this.keep(userId, found, knownAt);
    return found;
  }

  private async ask(userId: string, role?: Role): Promise<Person | undefined> {
    if (role === 'doctor') return this.doctor(userId);
    if (role === 'patient') return this.patient(userId);
    // Ids are user ids in both services, so at most one of them knows this user.
    const [doctor, patient] = await Promise.all([this.doctor(userId), this.patient(userId)]);
    return doctor ?? patient;
  }

  /**
   * Keeps the answer as known at `at` (before it was asked): a change made after that comes with a
   * later event, which still wins. A failure only costs the next notice the same question.
   */
  private async keep(userId: string, person: Person, at: Date): Promise<void> {
    const { role } = person;
    const field = (name: ContactFieldChange['field'], value: string | undefined): ContactFieldChange[] =>
      value === undefined && name !== 'phone'
        ? []
        : [{ userId, role, field: name, value: value ?? null, at }];
    const changes = [
      ...field('fullName', person.fullName),
      ...field('email', person.email),
      ...(role === 'patient' ? field('phone', person.phone) : []),
    ];
    await this.copies.setFields(changes).catch((error: unknown) => {
      this.logger.warn(`Could not keep the contact of user ${userId}: ${String(error)}`);
    });
  }

  private async doctor(doctorId: string): Promise<Person | undefined> {
    const message: DoctorIdMessage = { doctorId };
    const doctor = await this.askService<DoctorProfileView>(DoctorSubjects.getProfileForService, message);
    return doctor && { role: 'doctor', fullName: doctor.fullName, email: doctor.email };
  }

  private async patient(patientId: string): Promise<Person | undefined> {
    const message: PatientIdMessage = { patientId };
    const patient = await this.askService<PatientProfileView>(PatientSubjects.getForService, message);
    return (
      patient && { role: 'patient', fullName: patient.fullName, email: patient.email, phone: patient.phone }
    );
  }

  private async askService<T>(subject: string, data: object): Promise<T | undefined> {
    try {
      return await this.rpc.send<T>(subject, data, { requestId: currentRequestId() });
    } catch (error) {
      if (error instanceof RpcCallError && error.payload.statusCode === 404) return undefined;
      throw error;
    }
  }
}
