import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  DomainError,
  requireRole,
  UpdatePatientProfileDto,
  type Actor,
  type CreatePatientProfileMessage,
  type PatientProfileView,
} from '@arogyam/contracts';
import { validateMessagePart } from '@arogyam/messaging';
import { insertOnce, patchById } from '@arogyam/persistence';
import { Patient } from './patient.schema';
import { toPatientProfileView } from './patient-views';

const NO_PROFILE = 'You have no patient profile yet.';

@Injectable()
export class PatientProfilesService {
  constructor(@InjectModel(Patient.name) private readonly patients: Model<Patient>) {}

  /** Idempotent: the gateway's call after registration and the `user.registered` event both land here. */
  async create(message: CreatePatientProfileMessage): Promise<PatientProfileView> {
    const { userId, ...fields } = message;
    return toPatientProfileView(await insertOnce(this.patients, userId, fields));
  }

  async getOwn(actor: Actor): Promise<PatientProfileView> {
    requireRole(actor, 'patient');
    const patient = await this.patients.findById(actor.userId).lean<Patient>().exec();
    if (!patient) throw DomainError.notFound(NO_PROFILE);
    return toPatientProfileView(patient);
  }

  /** One atomic update of the given fields; `null` clears an optional one. */
  async updateOwn(actor: Actor, body: unknown): Promise<PatientProfileView> {
    requireRole(actor, 'patient');
    const changes = await validateMessagePart(UpdatePatientProfileDto, body);
    const patient = await patchById(this.patients, actor.userId, changes, ['fullName']);
    if (!patient) throw DomainError.notFound(NO_PROFILE);
    return toPatientProfileView(patient);
  }
}
