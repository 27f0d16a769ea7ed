import type { AuditEntryView } from '@arogyam/contracts';
import { csvLine } from '../http/csv-field';

const COLUMNS: (keyof AuditEntryView)[] = [
  'occurredAt',
  'actorId',
  'actorRole',
  'patientId',
  'kind',
  'resourceId',
  'action',
  'outcome',
  'route',
  'subject',
  'gatewayInstance',
  'clientAddress',
  'chain',
  'position',
  'id',
];

export const auditCsvHeader = (): string => csvLine(COLUMNS);

export const auditCsvRows = (entries: AuditEntryView[]): string =>
  entries.map((entry) => csvLine(COLUMNS.map((column) => entry[column]))).join('');
