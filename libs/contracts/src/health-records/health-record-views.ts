import type { HealthRecordContentType } from './health-record-files';
import type { HealthRecordKind } from './health-record.dto';

export interface HealthRecordView {
  id: string;
  patientId: string;
  title: string;
  kind: HealthRecordKind;
  recordedOn?: string;
  notes?: string;
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
