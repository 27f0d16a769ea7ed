import { Injectable } from '@nestjs/common';
import {
  DomainError,
  LICENCE_FIELDS,
  ProfileEventTypes,
  requireRole,
  UpdateDoctorProfileDto,
  type Actor,
  type CreateDoctorProfileMessage,
  type DoctorProfileQueryMessage,
  type DoctorProfileView,
  type DoctorPublicProfileView,
} from '@arogyam/contracts';
import { validateMessagePart } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, renamedEventOf } from '@arogyam/persistence';
import { DoctorListingNotices } from '../search/doctor-listing-notices';
import { DoctorRepository } from './doctor.repository';
import { Doctor } from './doctor.schema';
import { doctorSearchKeys } from './doctor-search-keys';
import { toDoctorProfileView, toDoctorPublicProfileView } from './doctor-views';
import { isListed } from './listed-doctor';

const NO_PROFILE = 'You have no doctor profile yet.';

/** Fields a doctor may change but never blank out. */
const REQUIRED_FIELDS = ['fullName', 'specialization', 'yearsOfExperience', 'consultationFee'] as const;

@Injectable()
export class DoctorProfilesService {
  constructor(
    private readonly doctors: DoctorRepository,
    private readonly listings: DoctorListingNotices,
    @InjectOutboxRelay(Doctor.name) private readonly relay: OutboxRelay<Doctor>,
  ) {}

  /** Idempotent: the gateway's call after registration and the `user.registered` event both land here. */
  async create(message: CreateDoctorProfileMessage): Promise<DoctorProfileView> {
    const { userId, ...fields } = message;
    const doctor = await this.doctors.createOnce(userId, { ...fields, ...doctorSearchKeys(fields) });
    return toDoctorProfileView(doctor);
  }

  async getOwn(actor: Actor): Promise<DoctorProfileView> {
    requireRole(actor, 'doctor');
    const doctor = await this.doctors.findById(actor.userId);
    if (!doctor) throw DomainError.notFound(NO_PROFILE);
    return toDoctorProfileView(doctor);
  }

  /**
   * One atomic update of the given fields and of their search keys; a new name carries its
   * `evt.doctor.renamed` in the same write (user-service renames the account). Search reads the
   * change at once; gateways drop cached search answers if the doctor is listed (an unlisted
   * doctor is in none).
   */
  async updateOwn(actor: Actor, body: unknown): Promise<DoctorProfileView> {
    requireRole(actor, 'doctor');
    const changes = await validateMessagePart(UpdateDoctorProfileDto, body);
    if (LICENCE_FIELDS.some((field) => changes[field] !== undefined))
      await this.requireUnverified(actor.userId);
    const fields = { ...changes, ...doctorSearchKeys(changes) };
    const renamed = renamedEventOf(ProfileEventTypes.doctorRenamed, actor.userId, changes);
    const doctor = await this.doctors.patch(actor.userId, fields, REQUIRED_FIELDS, renamed);
    if (!doctor) throw DomainError.notFound(NO_PROFILE);
    if (renamed.$push) void this.relay.flush(actor.userId);
    if (isListed(doctor)) this.listings.changed(actor.userId);
    return toDoctorProfileView(doctor);
  }

  /** Licence details are what an admin verified: fixed once approved (a change would need a new review). */
  private async requireUnverified(doctorId: string): Promise<void> {
    const doctor = await this.doctors.findById(doctorId);
    if (!doctor) throw DomainError.notFound(NO_PROFILE);
    if (doctor.verificationStatus === 'approved') {
      throw DomainError.conflict(
        'Your registration is verified, so its licence details cannot change here; contact Arogyam support.',
      );
    }
  }

  /** A suspension or reactivation was applied: search drops or shows the doctor now, gateways' caches too. */
  async accountStatusChanged(userId: string): Promise<void> {
    this.listings.changed(userId);
  }

  /** Unlisted doctors (pending, rejected, suspended) answer 404 as if absent; admins see them all. */
  async getPublic(message: DoctorProfileQueryMessage): Promise<DoctorPublicProfileView> {
    const doctor = await this.doctors.findById(message.doctorId);
    const isAdmin = message.actor?.role === 'admin';
    if (!doctor || (!isAdmin && !isListed(doctor))) throw DomainError.notFound('Doctor not found');
    return isAdmin ? toDoctorProfileView(doctor) : toDoctorPublicProfileView(doctor);
  }

  /** The full profile whatever its verification or account status: what another service needs to know. */
  async getForService(doctorId: string): Promise<DoctorProfileView> {
    const doctor = await this.doctors.findById(doctorId);
    if (!doctor) throw DomainError.notFound('Doctor not found');
    return toDoctorProfileView(doctor);
  }
}
