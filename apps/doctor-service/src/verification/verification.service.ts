import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  DoctorEventTypes,
  DomainError,
  type DoctorProfileView,
  type Page,
  type VerificationQueueQueryDto,
  type VerifyDoctorMessage,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import {
  findPage,
  InjectOutboxRelay,
  OutboxRelay,
  pageWindow,
  pushToOutbox,
  toPage,
} from '@arogyam/persistence';
import { Doctor } from '../profiles/doctor.schema';
import { toDoctorProfileView } from '../profiles/doctor-views';
import { DoctorDirectory } from '../search/doctor-directory';

@Injectable()
export class VerificationService {
  constructor(
    @InjectModel(Doctor.name) private readonly doctors: Model<Doctor>,
    @InjectOutboxRelay(Doctor.name) private readonly relay: OutboxRelay<Doctor>,
    private readonly directory: DoctorDirectory,
  ) {}

  /** The admins' queue: pending by default, oldest application first (first come, first reviewed). */
  async list(query: VerificationQueueQueryDto): Promise<Page<DoctorProfileView>> {
    const filter = { verificationStatus: query.verificationStatus ?? 'pending' };
    const window = pageWindow(query);
    const { documents, total } = await findPage(this.doctors, filter, { createdAt: 1, _id: 1 }, window);
    return toPage(documents.map(toDoctorProfileView), total, window);
  }

  /**
   * Records the decision and its `evt.doctor.verified` event in one write, so the event cannot be
   * lost once the decision stands. A later decision may reverse an earlier one.
   */
  async decide(message: VerifyDoctorMessage): Promise<DoctorProfileView> {
    const { doctorId, actorId, decision, note } = message;
    const event = createEvent(DoctorEventTypes.verified, {
      doctorId,
      decision,
      ...(note ? { note } : {}),
      decidedBy: actorId,
    });
    const decided = { verificationStatus: decision, verifiedAt: new Date(), verifiedBy: actorId };
    // A decision without a note must not keep the note of the decision it reverses.
    const change = note
      ? { $set: { ...decided, verificationNote: note } }
      : { $set: decided, $unset: { verificationNote: '' } };
    const doctor = await this.doctors
      .findByIdAndUpdate(doctorId, { ...change, ...pushToOutbox(event) }, { new: true })
      .lean<Doctor>()
      .exec();
    if (!doctor) throw DomainError.notFound('Doctor not found');
    void this.relay.flush(doctorId);
    await this.directory.changed(doctorId);
    return toDoctorProfileView(doctor);
  }
}
