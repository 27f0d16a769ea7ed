import { Injectable } from '@nestjs/common';
import {
  MedicalProfileDto,
  requireRole,
  type Actor,
  type AuditAction,
  type ClinicalAccess,
  type MedicalProfileView,
} from '@arogyam/contracts';
import { validateMessagePart } from '@arogyam/messaging';
import { AuditTrail, InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { AuditedCare } from '../care/audited-care';
import { MedicalProfile } from './medical-profile.schema';
import { MedicalProfileRepository } from './medical-profile.repository';
import { toMedicalProfileView } from './medical-profile-views';

/**
 * A patient's medical profile: they read and replace their own; the doctor of one of their
 * appointments reads it through that appointment (CareRelationships decides); everyone else gets
 * 404. Every read and change, allowed or refused, is in the audit trail (kind and patient, never
 * content); nothing of it is logged.
 */
@Injectable()
export class MedicalProfilesService {
  constructor(
    private readonly profiles: MedicalProfileRepository,
    private readonly care: AuditedCare,
    private readonly audit: AuditTrail,
    @InjectOutboxRelay(MedicalProfile.name) private readonly relay: OutboxRelay<MedicalProfile>,
  ) {}

  async getOwn(actor: Actor): Promise<MedicalProfileView> {
    requireRole(actor, 'patient');
    const profile = await this.profiles.findById(actor.userId);
    await this.audit.record(this.access(actor, actor.userId, 'read'));
    return toMedicalProfileView(actor.userId, profile);
  }

  async replaceOwn(actor: Actor, body: unknown): Promise<MedicalProfileView> {
    requireRole(actor, 'patient');
    const profile = await validateMessagePart(MedicalProfileDto, body);
    const changed = this.audit.eventsFor(this.access(actor, actor.userId, 'update'));
    const stored = await this.profiles.replace(actor.userId, profile, changed);
    void this.relay.flush(actor.userId);
    return toMedicalProfileView(actor.userId, stored);
  }

  /** The appointment's patient's profile, for its doctor (an empty one if they never kept one). */
  async forAppointment(actor: Actor, appointmentId: string): Promise<MedicalProfileView> {
    requireRole(actor, 'doctor');
    const appointment = await this.care.of(actor, appointmentId, 'medical_profile');
    const profile = await this.profiles.findById(appointment.patientId);
    await this.audit.record(this.access(actor, appointment.patientId, 'read'));
    return toMedicalProfileView(appointment.patientId, profile);
  }

  /** One medical profile per patient: its id in the trail is the patient's. */
  private access(actor: Actor, patientId: string, action: AuditAction): ClinicalAccess {
    return { actor, patientId, kind: 'medical_profile', resourceId: patientId, action, outcome: 'allowed' };
  }
}
