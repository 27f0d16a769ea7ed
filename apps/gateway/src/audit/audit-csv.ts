import type { AuditEntryView } from '@arogyam/contracts';

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

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and with a leading `'` when a
 * spreadsheet would take it for a formula (`=`, `+`, `-`, `@`): an id a client chose could otherwise run.
 */
function field(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const auditCsvHeader = (): string => `${COLUMNS.join(',')}\r\n`;

export const auditCsvRows = (entries: AuditEntryView[]): string =>
  entries.map((entry) => `${COLUMNS.map((column) => field(entry[column])).join(',')}\r\n`).join('');
