/**
 * A health record's file travels outside the request/reply messages (NATS's 1 MB payload limit):
 * the gateway streams it into this JetStream object-store bucket under the record's id, and
 * patient-service, which owns the record, checks it there, answers who may read it, and deletes it.
 */
export const HEALTH_RECORDS_BUCKET = 'health-records';

/** The largest file a patient may upload: a scanned report or a phone photo of one. */
export const MAX_HEALTH_RECORD_BYTES = 10 * 1024 * 1024;

/** What a record's file may be, told by its first bytes (what the browser claims is not trusted). */
export const HEALTH_RECORD_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
] as const;
export type HealthRecordContentType = (typeof HEALTH_RECORD_CONTENT_TYPES)[number];

export const healthRecordObjectName = (recordId: string): string => `records/${recordId}`;
