import type { HealthRecordKind } from '../api/types';

/** What each kind of record is called on screen (every kind the API knows, checked by the type). */
export const HEALTH_RECORD_KIND_LABELS: Record<HealthRecordKind, string> = {
  lab_report: 'Lab report',
  imaging: 'Scan or X-ray',
  prescription: 'Prescription from elsewhere',
  discharge_summary: 'Discharge summary',
  vaccination: 'Vaccination record',
  other: 'Other',
};

export const HEALTH_RECORD_KIND_OPTIONS = (Object.keys(HEALTH_RECORD_KIND_LABELS) as HealthRecordKind[]).map(
  (value) => ({ value, label: HEALTH_RECORD_KIND_LABELS[value] }),
);
