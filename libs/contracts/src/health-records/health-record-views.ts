import type { HealthRecordContentType } from './health-record-files';
import type { HealthRecordKind } from './health-record.dto';
import type { RecordSharing } from './record-sharing.dto';

export interface HealthRecordView {
  id: string;
  patientId: string;
  title: string;
  kind: HealthRecordKind;
  recordedOn?: string;
  notes?: string;
  /** Who may see it besides the patient (record-sharing.dto.ts). */
  sharing: RecordSharing;
  /** `sharing.mode` is not `none` (kept for clients from before per-doctor sharing). */
  sharedWithDoctors: boolean;
  fileName: string;
  contentType: HealthRecordContentType;
  size: number;
  createdAt: string;
}

/** `patient.record.get`: the record and where its file is, for the gateway to stream it. */
export interface HealthRecordFileAnswer {
  record: HealthRecordView;
  objectName: string;
}
