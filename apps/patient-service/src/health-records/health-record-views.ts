import type { HealthRecordView } from '@arogyam/contracts';
import type { HealthRecord } from './health-record.schema';

export const toHealthRecordView = (record: HealthRecord): HealthRecordView => ({
  id: record._id,
  patientId: record.patientId,
  title: record.title,
  kind: record.kind,
  ...(record.recordedOn ? { recordedOn: record.recordedOn } : {}),
  ...(record.notes ? { notes: record.notes } : {}),
  sharedWithDoctors: record.sharedWithDoctors,
  fileName: record.fileName,
  contentType: record.contentType,
  size: record.size,
  createdAt: new Date(record.createdAt).toISOString(),
});
