import type { AuditResourceKind, SelectOption } from '@arogyam/ui';
import { dayParam, dayRangeAndPageParams, instantsOf, pageParam } from './search-params';

/** The audit search's filters and page, kept in the URL so a search survives reloads and can be shared. */
export interface AuditFilters {
  patientId: string;
  actorId: string;
  kind: AuditResourceKind | '';
  /** Calendar days (YYYY-MM-DD) in the admin's own time zone, both included. */
  fromDay: string;
  toDay: string;
  page: number;
}

export const KIND_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any kind' },
  { value: 'clinical_note', label: 'Clinical notes' },
  { value: 'prescription', label: 'Prescriptions' },
  { value: 'prescription_pdf', label: 'Prescription PDFs' },
  { value: 'health_record', label: 'Health records' },
  { value: 'health_record_file', label: 'Health record files' },
  { value: 'medical_profile', label: 'Medical profile' },
  { value: 'chat_history', label: 'Chat history' },
  { value: 'appointment_reason', label: 'Appointment reasons' },
  { value: 'data_export', label: 'Data exports' },
  { value: 'patient_account', label: 'Erased patient accounts (notes and prescriptions kept by law)' },
];

const KINDS = KIND_OPTIONS.map((option) => option.value).filter(Boolean) as AuditResourceKind[];

export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const kind = params.get('kind') ?? '';
  return {
    patientId: params.get('patientId')?.trim() ?? '',
    actorId: params.get('actorId')?.trim() ?? '',
    kind: (KINDS as string[]).includes(kind) ? (kind as AuditResourceKind) : '',
    fromDay: dayParam(params, 'from'),
    toDay: dayParam(params, 'to'),
    page: pageParam(params),
  };
}

export function paramsForAudit(filters: AuditFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.patientId) params.patientId = filters.patientId;
  if (filters.actorId) params.actorId = filters.actorId;
  if (filters.kind) params.kind = filters.kind;
  return { ...params, ...dayRangeAndPageParams(filters) };
}

/** The gateway's query: days become instants (`to` is the start of the day after, exclusive). */
export function auditQuery(filters: AuditFilters): Record<string, string | number | undefined> {
  return {
    patientId: filters.patientId || undefined,
    actorId: filters.actorId || undefined,
    kind: filters.kind || undefined,
    ...instantsOf(filters.fromDay, filters.toDay),
  };
}
