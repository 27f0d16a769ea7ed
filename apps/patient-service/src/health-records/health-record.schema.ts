import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  HEALTH_RECORD_CONTENT_TYPES,
  HEALTH_RECORD_KINDS,
  MAX_HEALTH_RECORD_NOTES_LENGTH,
  MAX_HEALTH_RECORD_TITLE_LENGTH,
  RECORD_SHARING_MODES,
  type HealthRecordContentType,
  type HealthRecordKind,
  type RecordSharing,
  type RecordSharingMode,
} from '@arogyam/contracts';
import { baseSchemaOptions, maxTextLength } from '@arogyam/persistence';

/** Who besides the patient may see the record (the patient's choice, record-sharing.dto.ts). */
@Schema({ _id: false, versionKey: false })
export class StoredRecordSharing implements RecordSharing {
  @Prop({ type: String, required: true, enum: RECORD_SHARING_MODES })
  mode: RecordSharingMode;

  @Prop({ type: [String], default: [] })
  doctorIds: string[];
}

/**
 * A document a patient keeps with Arogyam (a lab report, a scan, a discharge summary). `_id` is
 * the id the gateway gave the upload, which also names its file in the object store, so a
 * repeated create finds the first. The bytes are never in this collection.
 */
@Schema({ ...baseSchemaOptions, collection: 'healthRecords' })
export class HealthRecord {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  patientId: string;

  @Prop({ required: true, trim: true, validate: maxTextLength(MAX_HEALTH_RECORD_TITLE_LENGTH) })
  title: string;

  @Prop({ type: String, required: true, enum: HEALTH_RECORD_KINDS })
  kind: HealthRecordKind;

  @Prop({ match: /^\d{4}-\d{2}-\d{2}$/ })
  recordedOn?: string;

  @Prop({ trim: true, validate: maxTextLength(MAX_HEALTH_RECORD_NOTES_LENGTH) })
  notes?: string;

  /** Absent only on records from before per-doctor sharing, until start-up upgrades them. */
  @Prop({ type: SchemaFactory.createForClass(StoredRecordSharing) })
  sharing?: StoredRecordSharing;

  /**
   * The doctors' reads key, kept with `sharing` (record-sharing.ts): `all_my_doctors`, or the
   * chosen doctors' ids; empty when shared with no one.
   */
  @Prop({ type: [String], default: [] })
  readers: string[];

  /** Before per-doctor sharing: true shared with every doctor of the patient. Removed by the upgrade. */
  @Prop()
  sharedWithDoctors?: boolean;

  @Prop({ required: true })
  fileName: string;

  @Prop({ type: String, required: true, enum: HEALTH_RECORD_CONTENT_TYPES })
  contentType: HealthRecordContentType;

  @Prop({ required: true, min: 1 })
  size: number;

  createdAt: Date;
  updatedAt: Date;
}

/** Fields only: its indexes are declared beside the queries they serve (health-record.repository.ts). */
export const HealthRecordSchema = SchemaFactory.createForClass(HealthRecord);
