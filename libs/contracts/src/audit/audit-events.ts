import type { EventEnvelope } from '../events/event-envelope';
import type { ClinicalAccessedPayload } from './audit-entry';

/**
 * The services that serve clinical data, each publishing its accesses as
 * `evt.<service>.clinical_accessed`; the emitting service is the audit chain the entry joins.
 * user-service's only entry is a patient erasing their account (`patient_account`).
 */
export const AUDITED_SERVICES = ['appointment', 'chat', 'patient', 'prescription', 'user'] as const;
export type AuditedService = (typeof AUDITED_SERVICES)[number];

export const clinicalAccessedType = (service: AuditedService): string => `${service}.clinical_accessed`;

export const CLINICAL_ACCESSED_TYPES: readonly string[] = AUDITED_SERVICES.map(clinicalAccessedType);

/** The emitting service of a `<service>.clinical_accessed` event type: its audit chain. */
export const auditChainOf = (eventType: string): string => eventType.split('.')[0];

export type ClinicalAccessedEvent = EventEnvelope<string, ClinicalAccessedPayload>;
