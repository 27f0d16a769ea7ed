import type { EventEnvelope } from './event-envelope';
import type { PrescriptionView } from '../prescriptions/prescription-views';

export const PrescriptionEventTypes = {
  issued: 'prescription.issued',
} as const;

/** The prescription as issued; a correction carries `supersedesId`. */
export type PrescriptionIssuedPayload = PrescriptionView;

export type PrescriptionIssuedEvent = EventEnvelope<
  typeof PrescriptionEventTypes.issued,
  PrescriptionIssuedPayload
>;
