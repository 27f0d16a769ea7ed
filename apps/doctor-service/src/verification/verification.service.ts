import { Injectable } from '@nestjs/common';
import {
  DoctorEventTypes,
  DomainError,
  requireRole,
  type Actor,
  type DoctorProfileView,
  type Page,
  type VerificationQueueQueryDto,
  type VerifyDoctorMessage,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, pageWindow, toPage } from '@arogyam/persistence';
import { DoctorRepository } from '../profiles/doctor.repository';
import { Doctor } from '../profiles/doctor.schema';
import { toDoctorProfileView } from '../profiles/doctor-views';
import { DoctorListingNotices } from '../search/doctor-listing-notices';

@Injectable()
export class VerificationService {
  constructor(
    private readonly doctors: DoctorRepository,
    @InjectOutboxRelay(Doctor.name) private readonly relay: OutboxRelay<Doctor>,
    private readonly listings: DoctorListingNotices,
  ) {}

  /** The admins' queue: pending by default, oldest application first (first come, first reviewed). */
  async list(query: VerificationQueueQueryDto): Promise<Page<DoctorProfileView>> {
    const window = pageWindow(query);
    const { documents, total } = await this.doctors.verificationQueue(
      query.verificationStatus ?? 'pending',
      window,
    );
    return toPage(documents.map(toDoctorProfileView), total, window);
  }

  /**
   * Records the decision and its `evt.doctor.verified` event in one write, so the event cannot be
   * lost once the decision stands. A later decision may reverse an earlier one. Search shows the
   * decision at once (it reads the database); gateways drop their cached answers on the notice.
   */
  async decide(message: VerifyDoctorMessage): Promise<DoctorProfileView> {
    const { doctorId, actorId, decision, note } = message;
    const event = createEvent(DoctorEventTypes.verified, {
      doctorId,
      decision,
      ...(note ? { note } : {}),
      decidedBy: actorId,
    });
    const doctor = await this.doctors.recordVerification(
      doctorId,
      { decision, ...(note ? { note } : {}), decidedBy: actorId, decidedAt: new Date() },
      event,
    );
    if (!doctor) throw DomainError.notFound('Doctor not found');
    void this.relay.flush(doctorId);
    this.listings.changed(doctorId);
    return toDoctorProfileView(doctor);
  }

  /** A rejected doctor who fixed their details asks for review again: pending, back in the admins' queue. */
  async resubmit(actor: Actor): Promise<DoctorProfileView> {
    requireRole(actor, 'doctor');
    const doctor = await this.doctors.resubmitVerification(actor.userId, new Date());
    if (doctor) return toDoctorProfileView(doctor);
    const current = await this.doctors.findById(actor.userId);
    if (!current) throw DomainError.notFound('Doctor not found');
    throw DomainError.conflict(
      `Only a rejected registration can be sent for review again; yours is ${current.verificationStatus}.`,
    );
  }
}
