import { IsOptional, IsString } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/**
 * The patient's data export ("download everything you hold about me"): patient-service runs it in
 * the background, asking each owning service for the patient's data a page at a time, and keeps
 * the finished archive in this JetStream object-store bucket, which the gateway streams out.
 */
export const PATIENT_EXPORTS_BUCKET = 'patient-exports';

export const patientExportObjectName = (exportId: string): string => `exports/${exportId}`;

/** patient-service: the patient starts an export and follows it (routed by the gateway). */
export const DataExportSubjects = {
  start: 'patient.data_export.start',
  get: 'patient.data_export.get',
} as const;

/**
 * Each owning service's part of one patient's data, asked only by patient-service (never routed by
 * the gateway) as that patient: the service answers for the patient the actor names, and for no
 * one else.
 */
export const PatientDataSubjects = {
  user: 'user.patient_data.export',
  doctor: 'doctor.patient_data.export',
  appointment: 'appointment.patient_data.export',
  chat: 'chat.patient_data.export',
  prescription: 'prescription.patient_data.export',
  payment: 'payment.patient_data.export',
  notification: 'notification.patient_data.export',
  audit: 'audit.patient_data.export',
} as const;

/**
 * A page answers at most this many bytes of JSON (well under NATS's 1 MB payload), and at most
 * PATIENT_DATA_PAGE_LIMIT items: a patient with thousands of messages is many pages, never one
 * reply too big to send.
 */
export const PATIENT_DATA_PAGE_BYTES = 256 * 1024;
export const PATIENT_DATA_PAGE_LIMIT = 200;

/** `<service>.patient_data.export`: one page of one section, after `cursor` (the last id of the page before). */
export class PatientDataPageMessage extends ActorPart {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(40)
  section: string;

  @IsOptional()
  @IsString()
  @MaxTextLength(200)
  cursor?: string;
}

/** One page of a section: the items as the patient may see them; `nextCursor` while more follow. */
export interface PatientDataPage {
  items: Record<string, unknown>[];
  nextCursor?: string;
}

export const DATA_EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

export const DATA_EXPORT_STEP_STATUSES = ['waiting', 'running', 'done', 'failed'] as const;
export type DataExportStepStatus = (typeof DATA_EXPORT_STEP_STATUSES)[number];

/** One file of the archive, gathered from one service. */
export interface DataExportStepView {
  /** The file in the archive, e.g. `chat.json`. */
  name: string;
  /** The service that holds the data. */
  service: string;
  status: DataExportStepStatus;
  items: number;
}

export interface DataExportView {
  id: string;
  status: DataExportStatus;
  progress: { done: number; total: number };
  steps: DataExportStepView[];
  createdAt: string;
  readyAt?: string;
  /** When the archive is deleted (ready exports only). */
  expiresAt?: string;
  /** The archive's size in bytes (ready exports only). */
  size?: number;
  /** `arogyam-export-<date>.zip` */
  fileName?: string;
  /** Why it failed, in words for the patient. */
  failure?: string;
}

/** `patient.data_export.get`: the caller's export of that id, or their latest when none is given. */
export class DataExportIdMessage extends ActorPart {
  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  exportId?: string;
}

/** `patient.data_export.start` carries only the caller. */
export class StartDataExportMessage extends ActorPart {}
