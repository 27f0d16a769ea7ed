import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PatientDataPage } from '@arogyam/contracts';
import { findPage, insertOnce, patientDataPage, type PageWindow } from '@arogyam/persistence';
import { HealthRecord, HealthRecordSchema } from './health-record.schema';
import { toHealthRecordView } from './health-record-views';
import { ALL_MY_DOCTORS } from './record-sharing';

const NEWEST_FIRST = { createdAt: -1, _id: 1 } as const;

// A patient's own records (`pageOfPatient`), and the part of them one doctor may read
// (`pageSharedWith`: `readers` holds the doctors' ids or `all_my_doctors`), both newest first.
HealthRecordSchema.index({ patientId: 1, createdAt: -1, _id: 1 });
HealthRecordSchema.index({ patientId: 1, readers: 1, createdAt: -1, _id: 1 });

export const healthRecordModel: ModelDefinition = { name: HealthRecord.name, schema: HealthRecordSchema };

/** Every read and write of `healthRecords`. */
@Injectable()
export class HealthRecordRepository {
  constructor(@InjectModel(HealthRecord.name) private readonly records: Model<HealthRecord>) {}

  /** The record with this id, created from `fields` unless it exists (a repeated upload's create). */
  createOnce(recordId: string, fields: Record<string, unknown>): Promise<HealthRecord> {
    return insertOnce(this.records, recordId, fields);
  }

  findById(recordId: string): Promise<HealthRecord | null> {
    return this.records.findById(recordId).lean<HealthRecord>().exec();
  }

  pageOfPatient(
    patientId: string,
    window: PageWindow,
  ): Promise<{ documents: HealthRecord[]; total: number }> {
    return findPage(this.records, { patientId }, NEWEST_FIRST, window);
  }

  /** The patient's records whose `readers` hold one of these keys (record-sharing.ts, readerKeys). */
  pageSharedWith(
    patientId: string,
    readerKeys: string[],
    window: PageWindow,
  ): Promise<{ documents: HealthRecord[]; total: number }> {
    return findPage(this.records, { patientId, readers: { $in: readerKeys } }, NEWEST_FIRST, window);
  }

  /** Sets who may see the patient's own record, in one write; null when they have no such record. */
  setSharing(
    patientId: string,
    recordId: string,
    sharing: Pick<HealthRecord, 'sharing' | 'readers'>,
  ): Promise<HealthRecord | null> {
    return this.records
      .findOneAndUpdate(
        { _id: recordId, patientId },
        { $set: sharing, $unset: { sharedWithDoctors: '' } },
        { new: true },
      )
      .lean<HealthRecord>()
      .exec();
  }

  /**
   * Records from before per-doctor sharing get theirs (a yes became all the patient's doctors, a no
   * nobody) and the reads key. Idempotent; answers how many were upgraded.
   */
  async upgradeLegacySharing(): Promise<number> {
    const legacy = { sharing: { $exists: false } };
    const [unshared, shared] = await Promise.all([
      this.records
        .updateMany(
          { ...legacy, sharedWithDoctors: false },
          {
            $set: { sharing: { mode: 'none', doctorIds: [] }, readers: [] },
            $unset: { sharedWithDoctors: '' },
          },
        )
        .exec(),
      this.records
        .updateMany(
          { ...legacy, sharedWithDoctors: { $ne: false } },
          {
            $set: { sharing: { mode: 'all_my_doctors', doctorIds: [] }, readers: [ALL_MY_DOCTORS] },
            $unset: { sharedWithDoctors: '' },
          },
        )
        .exec(),
    ]);
    return unshared.modifiedCount + shared.modifiedCount;
  }

  /** Deletes the patient's own record; answers whether there was one. */
  async deleteOwn(patientId: string, recordId: string): Promise<boolean> {
    return (await this.records.findOneAndDelete({ _id: recordId, patientId }).exec()) !== null;
  }

  /** The patient's records, for their data export. */
  exportPage(patientId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.records, { patientId }, cursor, (record) => ({
      ...toHealthRecordView(record),
    }));
  }
}
