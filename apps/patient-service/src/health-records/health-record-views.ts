import type { HealthRecordView } from '@arogyam/contracts';
import type { HealthRecord } from './health-record.schema';
import { sharingOf } from './record-sharing';

export const toHealthRecordView = (record: HealthRecord): HealthRecordView => {
  const sharing = sharingOf(record);
  return {
    id: record._id,
    patientId: record.patientId,
    title: record.title,
    kind: record.kind,
    ...(record.recordedOn ? { recordedOn: record.recordedOn } : {}),
    ...(record.notes ? { notes: record.notes } : {}),
    sharing,
    sharedWithDoctors: sharing.mode !== 'none',
    fileName: record.fileName,
    contentType: record.contentType,
    size: record.size,
    createdAt: new Date(record.createdAt).toISOString(),
  };
};
