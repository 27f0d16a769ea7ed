import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  DATA_EXPORT_STATUSES,
  DATA_EXPORT_STEP_STATUSES,
  type DataExportStatus,
  type DataExportStepStatus,
} from '@arogyam/contracts';
import { baseSchemaOptions } from '@arogyam/persistence';

/** One file of the archive and how far gathering it got. */
@Schema({ _id: false, versionKey: false })
export class DataExportStep {
  @Prop({ required: true })
  name: string;

  @Prop({ required: true })
  service: string;

  @Prop({ type: String, required: true, enum: DATA_EXPORT_STEP_STATUSES })
  status: DataExportStepStatus;

  @Prop({ required: true, default: 0 })
  items: number;
}

/**
 * One data export a patient asked for (`dataExports`): its steps and progress while it runs, then
 * where its archive is (the object store, under the export's id) until it expires.
 */
@Schema({ ...baseSchemaOptions, collection: 'dataExports' })
export class DataExport {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  patientId: string;

  /**
   * The patient's id while the export is queued or running, its own id after: unique, so a patient
   * has one running export at a time even when two instances are asked at once.
   */
  @Prop({ type: String, required: true })
  runningKey: string;

  @Prop({ type: String, required: true, enum: DATA_EXPORT_STATUSES })
  status: DataExportStatus;

  @Prop({ type: [SchemaFactory.createForClass(DataExportStep)], default: [] })
  steps: DataExportStep[];

  /** Steps finished, of `total` (the steps and the archive's writing). */
  @Prop({ required: true, default: 0 })
  done: number;

  @Prop({ required: true })
  total: number;

  /** Moves on with every page gathered: a running export that stops moving lost its instance. */
  @Prop({ type: Date, required: true })
  heartbeatAt: Date;

  @Prop({ type: Date })
  readyAt?: Date;

  @Prop({ type: Date })
  expiresAt?: Date;

  @Prop()
  size?: number;

  @Prop()
  fileName?: string;

  @Prop()
  failure?: string;

  createdAt: Date;
}

export const DataExportSchema = SchemaFactory.createForClass(DataExport);
