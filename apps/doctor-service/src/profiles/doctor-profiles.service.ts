import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  DomainError,
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
import { InjectOutboxRelay, insertOnce, OutboxRelay, patchById, renamedEventOf } from '@arogyam/persistence';
import { DoctorDirectory } from '../search/doctor-directory';
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
    @InjectModel(Doctor.name) private readonly doctors: Model<Doctor>,
    private readonly directory: DoctorDirectory,
    @InjectOutboxRelay(Doctor.name) private readonly relay: OutboxRelay<Doctor>,
  ) {}

  /** Idempotent: the gateway's call after registration and the `user.registered` event both land here. */
  async create(message: CreateDoctorProfileMessage): Promise<DoctorProfileView> {
    const { userId, ...fields } = message;
    const doctor = await insertOnce(this.doctors, userId, { ...fields, ...doctorSearchKeys(fields) });
    return toDoctorProfileView(doctor);
  }

  async getOwn(actor: Actor): Promise<DoctorProfileView> {
    requireRole(actor, 'doctor');
    const doctor = await this.doctors.findById(actor.userId).lean<Doctor>().exec();
    if (!doctor) throw DomainError.notFound(NO_PROFILE);
    return toDoctorProfileView(doctor);
  }

  /**
   * One atomic update of the given fields and of their search keys; a new name carries its
   * `evt.doctor.renamed` in the same write (user-service renames the account).
   */
  async updateOwn(actor: Actor, body: unknown): Promise<DoctorProfileView> {
    requireRole(actor, 'doctor');
    const changes = await validateMessagePart(UpdateDoctorProfileDto, body);
    const fields = { ...changes, ...doctorSearchKeys(changes) };
    const renamed = renamedEventOf(ProfileEventTypes.doctorRenamed, actor.userId, changes);
    const doctor = await patchById(this.doctors, actor.userId, fields, REQUIRED_FIELDS, renamed);
    if (!doctor) throw DomainError.notFound(NO_PROFILE);
    if (renamed.$push) void this.relay.flush(actor.userId);
    await this.directory.changed(actor.userId);
    return toDoctorProfileView(doctor);
  }

  /** A suspension or reactivation was applied: search must drop or show the doctor now. */
  accountStatusChanged(userId: string): Promise<void> {
    return this.directory.changed(userId);
  }

  /** Unlisted doctors (pending, rejected, suspended) answer 404 as if absent; admins see them all. */
  async getPublic(message: DoctorProfileQueryMessage): Promise<DoctorPublicProfileView> {
    const doctor = await this.doctors.findById(message.doctorId).lean<Doctor>().exec();
    const isAdmin = message.actor?.role === 'admin';
    if (!doctor || (!isAdmin && !isListed(doctor))) throw DomainError.notFound('Doctor not found');
    return isAdmin ? toDoctorProfileView(doctor) : toDoctorPublicProfileView(doctor);
  }

  /** The full profile whatever its verification or account status: what another service needs to know. */
  async getForService(doctorId: string): Promise<DoctorProfileView> {
    const doctor = await this.doctors.findById(doctorId).lean<Doctor>().exec();
    if (!doctor) throw DomainError.notFound('Doctor not found');
    return toDoctorProfileView(doctor);
  }
}
