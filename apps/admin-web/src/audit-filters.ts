import type { AuditResourceKind, SelectOption } from '@arogyam/ui';

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
];

const KINDS = KIND_OPTIONS.map((option) => option.value).filter(Boolean) as AuditResourceKind[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const page = Number(params.get('page'));
  const kind = params.get('kind') ?? '';
  const day = (name: string) => (DAY.test(params.get(name) ?? '') ? (params.get(name) as string) : '');
  return {
    patientId: params.get('patientId')?.trim() ?? '',
    actorId: params.get('actorId')?.trim() ?? '',
    kind: (KINDS as string[]).includes(kind) ? (kind as AuditResourceKind) : '',
    fromDay: day('from'),
    toDay: day('to'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function paramsForAudit(filters: AuditFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.patientId) params.patientId = filters.patientId;
  if (filters.actorId) params.actorId = filters.actorId;
  if (filters.kind) params.kind = filters.kind;
  if (filters.fromDay) params.from = filters.fromDay;
  if (filters.toDay) params.to = filters.toDay;
  if (filters.page > 1) params.page = String(filters.page);
  return params;
}

/** Local midnight of a day, as an instant. */
const startOf = (day: string): string => new Date(`${day}T00:00:00`).toISOString();

/** The gateway's query: days become instants (`to` is the start of the day after, exclusive). */
export function auditQuery(filters: AuditFilters): Record<string, string | number | undefined> {
  const dayAfter = (day: string) => {
    const next = new Date(`${day}T00:00:00`);
    next.setDate(next.getDate() + 1);
    return next.toISOString();
  };
  return {
    patientId: filters.patientId || undefined,
    actorId: filters.actorId || undefined,
    kind: filters.kind || undefined,
    from: filters.fromDay ? startOf(filters.fromDay) : undefined,
    to: filters.toDay ? dayAfter(filters.toDay) : undefined,
  };
}
