import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ERASED_PATIENT_NAME, erasedEmailOf } from '@arogyam/contracts';
import { HealthRecord } from '../health-records/health-record.schema';
import { MedicalProfile } from '../medical-profiles/medical-profile.schema';
import { Patient } from '../profiles/patient.schema';

/** The writes of an erasure: each matches nothing the second time, so a redelivery is harmless. */
@Injectable()
export class PatientErasureRepository {
  constructor(
    @InjectModel(Patient.name) private readonly patients: Model<Patient>,
    @InjectModel(HealthRecord.name) private readonly records: Model<HealthRecord>,
    @InjectModel(MedicalProfile.name) private readonly medicalProfiles: Model<MedicalProfile>,
  ) {}

  /** The ids of the patient's health records (each names its file in the object store). */
  async recordIdsOf(patientId: string): Promise<string[]> {
    const records = await this.records.find({ patientId }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return records.map((record) => record._id);
  }

  async deleteRecords(recordIds: string[]): Promise<void> {
    if (recordIds.length > 0) await this.records.deleteMany({ _id: { $in: recordIds } }).exec();
  }

  async deleteMedicalProfile(patientId: string): Promise<void> {
    await this.medicalProfiles.deleteOne({ _id: patientId }).exec();
  }

  /**
   * Keeps the profile's id (doctors' past appointments look it up) and nothing that names or
   * reaches the person: the name and email become the erased ones, phone, birth date and gender
   * go, and so do events still waiting in its outbox (a rename carries the name). Its status time
   * is the erasure's, so a late suspend or reactivate changes nothing.
   */
  async anonymiseProfile(patientId: string, erasedAt: Date): Promise<void> {
    await this.patients
      .updateOne(
        { _id: patientId },
        {
          $set: {
            fullName: ERASED_PATIENT_NAME,
            email: erasedEmailOf(patientId),
            accountStatus: 'erased',
            accountStatusChangedAt: erasedAt,
            outbox: [],
          },
          $unset: { phone: '', phoneSuffixes: '', dateOfBirth: '', gender: '', outboxPending: '' },
        },
      )
      .exec();
  }
}
