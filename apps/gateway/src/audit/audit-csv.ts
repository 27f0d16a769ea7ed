import type { AuditEntryView } from '@arogyam/contracts';
import { csvField as field } from '../http/csv-field';

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

export const auditCsvHeader = (): string => `${COLUMNS.join(',')}\r\n`;

export const auditCsvRows = (entries: AuditEntryView[]): string =>
  entries.map((entry) => `${COLUMNS.map((column) => field(entry[column])).join(',')}\r\n`).join('');
