import { EXPORT_PLAN, VIDEO_CALLS_DESCRIPTION, VIDEO_CALLS_FILE, type ExportFilePlan } from './export-plan';

/** One file in the archive. */
export interface ArchiveEntry {
  name: string;
  data: string | Uint8Array;
}

/** A health record's file, as the patient uploaded it. */
export interface RecordFile {
  recordId: string;
  fileName: string;
  bytes: Uint8Array;
}

type Item = Record<string, unknown>;

/** What each service answered, by file name: an object, a list, or named lists (ExportFileShape). */
export type GatheredData = ReadonlyMap<string, unknown>;

/** `arogyam-export-2026-12-05.zip`: the day it was made (UTC). */
export const archiveFileName = (at: Date): string => `arogyam-export-${at.toISOString().slice(0, 10)}.zip`;

/**
 * A name a patient gave a file, safe as one path segment of a zip: no folders, no `..`, no control
 * characters (unzip tools would write outside the folder otherwise).
 */
export function safeFileName(fileName: string): string {
  const cleaned = fileName
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned.slice(0, 200) || 'file';
}

export const recordFilePath = (file: Pick<RecordFile, 'recordId' | 'fileName'>): string =>
  `files/${safeFileName(file.recordId)}/${safeFileName(file.fileName)}`;

/** The video calls of the patient's appointments, from appointments.json. */
export function videoCallsOf(appointments: unknown): Item[] {
  if (!Array.isArray(appointments)) return [];
  return (appointments as Item[])
    .filter((appointment) => Array.isArray(appointment.calls) || appointment.call)
    .map((appointment) => ({
      appointmentId: appointment.id,
      doctor: appointment.doctor,
      startAt: appointment.startAt,
      ...(appointment.call ? { lastCall: appointment.call } : {}),
      calls: appointment.calls ?? [],
    }));
}

function readme(patientId: string, exportedAt: Date, plan: readonly ExportFilePlan[]): string {
  const files = [
    ...plan.map((file) => `${file.name}\n  ${file.describe}`),
    `${VIDEO_CALLS_FILE}\n  ${VIDEO_CALLS_DESCRIPTION}`,
    'files/<record id>/<file name>\n  The files of your health records, as you uploaded them.',
  ];
  return [
    'Arogyam: everything we hold about you',
    '',
    `Account: ${patientId}`,
    `Made: ${exportedAt.toISOString()}`,
    '',
    'Each .json file is UTF-8 JSON; times are UTC (ISO 8601), money is in paise.',
    '',
    ...files,
    '',
  ].join('\n');
}

/** Every file of the archive: README.txt, one JSON per service, video-calls.json, the records' files. */
export function exportArchiveEntries(
  patientId: string,
  exportedAt: Date,
  gathered: GatheredData,
  recordFiles: readonly RecordFile[],
  plan: readonly ExportFilePlan[] = EXPORT_PLAN,
): ArchiveEntry[] {
  const json = (value: unknown): string => `${JSON.stringify(value ?? null, null, 2)}\n`;
  return [
    { name: 'README.txt', data: readme(patientId, exportedAt, plan) },
    ...plan.map((file) => ({ name: file.name, data: json(gathered.get(file.name)) })),
    { name: VIDEO_CALLS_FILE, data: json(videoCallsOf(gathered.get('appointments.json'))) },
    ...recordFiles.map((file) => ({ name: recordFilePath(file), data: file.bytes })),
  ];
}
