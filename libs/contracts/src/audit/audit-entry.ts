import type { Actor } from '../common/actor';

/** What was reached: kinds of clinical data, never their content. */
export const AUDIT_RESOURCE_KINDS = [
  'clinical_note',
  'prescription',
  'prescription_pdf',
  'health_record',
  'health_record_file',
  'medical_profile',
  'chat_history',
  'appointment_reason',
  /** The patient downloaded everything (resource: the export's id). */
  'data_export',
  /** The patient's account, erased by them (action `delete`): notes and prescriptions are kept by law. */
  'patient_account',
] as const;
export type AuditResourceKind = (typeof AUDIT_RESOURCE_KINDS)[number];

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['allowed', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * How a request arrived: the NATS subject the owning service answered, and, when it came through a
 * gateway, the HTTP route (method and path), the gateway instance and the client address it saw
 * (after TRUST_PROXY's hops).
 */
export interface AuditChannel {
  subject: string;
  route?: string;
  gatewayInstance?: string;
  clientAddress?: string;
}

/** One access to a patient's clinical data, as the owning service decided it. */
export interface ClinicalAccess {
  actor: Actor;
  /** The patient whose data it is (absent only when a denied caller named nothing that exists). */
  patientId?: string;
  kind: AuditResourceKind;
  resourceId: string;
  action: AuditAction;
  outcome: AuditOutcome;
}

/** The payload of every `evt.<service>.clinical_accessed` event. */
export interface ClinicalAccessedPayload extends ClinicalAccess {
  channel: AuditChannel;
}
