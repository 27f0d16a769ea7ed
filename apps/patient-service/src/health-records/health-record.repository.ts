import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { findPage, insertOnce, type PageWindow } from '@arogyam/persistence';
import { HealthRecord, HealthRecordSchema } from './health-record.schema';

const NEWEST_FIRST = { createdAt: -1, _id: 1 } as const;

// A patient's own records (`pageOfPatient`), and the part of them shared with doctors
// (`pageSharedByPatient`), both newest first.
HealthRecordSchema.index({ patientId: 1, createdAt: -1, _id: 1 });
HealthRecordSchema.index({ patientId: 1, sharedWithDoctors: 1, createdAt: -1, _id: 1 });

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

  pageSharedByPatient(
    patientId: string,
    window: PageWindow,
  ): Promise<{ documents: HealthRecord[]; total: number }> {
    return findPage(this.records, { patientId, sharedWithDoctors: true }, NEWEST_FIRST, window);
  }

  /** Deletes the patient's own record; answers whether there was one. */
  async deleteOwn(patientId: string, recordId: string): Promise<boolean> {
    return (await this.records.findOneAndDelete({ _id: recordId, patientId }).exec()) !== null;
  }
}
