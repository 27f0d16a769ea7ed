import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PersonProfileRepository } from '@arogyam/persistence';
import { Patient, PatientSchema } from './patient.schema';

/** `patients`: the only indexes are `_id_` (every read is by the user id) and the outbox mark. */
export const patientModel: ModelDefinition = { name: Patient.name, schema: PatientSchema };

/** Every read and write of `patients`; all by `_id` (see PersonProfileRepository). */
@Injectable()
export class PatientRepository extends PersonProfileRepository<Patient> {
  constructor(@InjectModel(Patient.name) patients: Model<Patient>) {
    super(patients);
  }
}
