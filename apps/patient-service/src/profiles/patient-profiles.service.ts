import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  UpdatePatientProfileDto,
  type Actor,
  type CreatePatientProfileMessage,
  type PatientProfileView,
} from '@arogyam/contracts';
import { validateMessagePart } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { patientChangeEventsOf } from './patient-change-events';
import { Patient } from './patient.schema';
import { PatientRepository } from './patient.repository';
import { toPatientProfileView } from './patient-views';

const NO_PROFILE = 'You have no patient profile yet.';

@Injectable()
export class PatientProfilesService {
  constructor(
    private readonly patients: PatientRepository,
    @InjectOutboxRelay(Patient.name) private readonly relay: OutboxRelay<Patient>,
  ) {}

  /** Idempotent: the gateway's call after registration and the `user.registered` event both land here. */
  async create(message: CreatePatientProfileMessage): Promise<PatientProfileView> {
    const { userId, ...fields } = message;
    return toPatientProfileView(await this.patients.createOnce(userId, fields));
  }

  getOwn(actor: Actor): Promise<PatientProfileView> {
    requireRole(actor, 'patient');
    return this.getForService(actor.userId);
  }

  /** A patient's profile for another service, which asks without a caller (its NATS user may). */
  async getForService(patientId: string): Promise<PatientProfileView> {
    const patient = await this.patients.findById(patientId);
    // An erased patient has no contact to give: nothing is sent to an address of theirs again.
    if (!patient || patient.accountStatus === 'erased') throw DomainError.notFound(NO_PROFILE);
    return toPatientProfileView(patient);
  }

  /**
   * One atomic update of the given fields; `null` clears an optional one. A new name carries its
   * `evt.patient.renamed` in the same write (user-service renames the account), a new phone number
   * its `evt.patient.phone-changed` (notification-service's copy).
   */
  async updateOwn(actor: Actor, body: unknown): Promise<PatientProfileView> {
    requireRole(actor, 'patient');
    const changes = await validateMessagePart(UpdatePatientProfileDto, body);
    const { events, also } = patientChangeEventsOf(actor.userId, changes);
    const patient = await this.patients.patch(actor.userId, changes, ['fullName'], also);
    if (!patient) throw DomainError.notFound(NO_PROFILE);
    if (events.length > 0) void this.relay.flush(actor.userId);
    return toPatientProfileView(patient);
  }
}
