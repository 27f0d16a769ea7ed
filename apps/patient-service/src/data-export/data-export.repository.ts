import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { DataExport, DataExportSchema, type DataExportStep } from './data-export.schema';

// One running export per patient (`start`): a second insert with the same key is refused.
DataExportSchema.index({ runningKey: 1 }, { unique: true });
// The patient's exports, newest first (`latestOf`, `findOwn`).
DataExportSchema.index({ patientId: 1, createdAt: -1, _id: 1 });
// The sweep: running exports by heartbeat (`stalled`), ready ones by expiry (`expired`).
DataExportSchema.index({ status: 1, heartbeatAt: 1 });
DataExportSchema.index({ status: 1, expiresAt: 1 });

export const dataExportModel: ModelDefinition = { name: DataExport.name, schema: DataExportSchema };

const SWEEP_BATCH = 100;

/** Every read and write of `dataExports`. */
@Injectable()
export class DataExportRepository {
  constructor(@InjectModel(DataExport.name) private readonly exports: Model<DataExport>) {}

  /** Stores a new running export; null when the patient has one running already. */
  async insertRunning(job: Omit<DataExport, 'createdAt'>): Promise<DataExport | null> {
    try {
      return (await this.exports.create(job)).toObject<DataExport>();
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  findRunning(patientId: string): Promise<DataExport | null> {
    return this.exports.findOne({ runningKey: patientId }).lean<DataExport>().exec();
  }

  /** The patient's export of that id; null when there is none or it is someone else's. */
  findOwn(patientId: string, exportId: string): Promise<DataExport | null> {
    return this.exports.findOne({ _id: exportId, patientId }).lean<DataExport>().exec();
  }

  latestOf(patientId: string): Promise<DataExport | null> {
    return this.exports.findOne({ patientId }).sort({ createdAt: -1, _id: 1 }).lean<DataExport>().exec();
  }

  /** Progress: the steps as they stand, and a heartbeat (only while it still runs). */
  async progress(exportId: string, steps: DataExportStep[], done: number): Promise<void> {
    await this.updateRunning(exportId, { status: 'running', steps, done, heartbeatAt: new Date() });
  }

  async ready(
    exportId: string,
    finished: Pick<DataExport, 'steps' | 'done' | 'readyAt' | 'expiresAt' | 'size' | 'fileName'>,
  ): Promise<boolean> {
    return this.updateRunning(exportId, { ...finished, status: 'ready', runningKey: exportId });
  }

  /** Ends a queued or running export as failed, with why (for the patient); false if it had ended. */
  failed(exportId: string, failure: string, steps?: DataExportStep[]): Promise<boolean> {
    return this.updateRunning(exportId, {
      status: 'failed',
      runningKey: exportId,
      failure,
      ...(steps && { steps }),
    });
  }

  /** Queued or running exports whose heartbeat is older than `before`: their instance stopped. */
  stalled(before: Date): Promise<DataExport[]> {
    return this.exports
      .find({ status: { $in: ['queued', 'running'] }, heartbeatAt: { $lt: before } })
      .limit(SWEEP_BATCH)
      .lean<DataExport[]>()
      .exec();
  }

  /** Ready exports past their expiry. */
  expired(now: Date): Promise<DataExport[]> {
    return this.exports
      .find({ status: 'ready', expiresAt: { $lte: now } })
      .limit(SWEEP_BATCH)
      .lean<DataExport[]>()
      .exec();
  }

  async markExpired(exportId: string): Promise<void> {
    await this.exports
      .updateOne({ _id: exportId, status: 'ready' }, { $set: { status: 'expired' }, $unset: { size: 1 } })
      .exec();
  }

  /** Every export of the patient, whatever its status (an erasure removes them and their archives). */
  async idsOf(patientId: string): Promise<string[]> {
    const found = await this.exports.find({ patientId }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return found.map((job) => job._id);
  }

  async deleteAll(exportIds: string[]): Promise<void> {
    if (exportIds.length > 0) await this.exports.deleteMany({ _id: { $in: exportIds } }).exec();
  }

  private async updateRunning(exportId: string, set: UpdateQuery<DataExport>): Promise<boolean> {
    const result = await this.exports
      .updateOne({ _id: exportId, status: { $in: ['queued', 'running'] } }, { $set: set })
      .exec();
    return result.matchedCount > 0;
  }
}
