import type { EventEnvelope } from '../events/event-envelope';

/** A case study's way through review; ids only, never clinical text. */
export const CaseStudyEventTypes = {
  submitted: 'doctor.case_study.submitted',
  published: 'doctor.case_study.published',
  returned: 'doctor.case_study.returned',
} as const;

export interface CaseStudyEventPayload {
  caseStudyId: string;
  authorId: string;
  /** The admin who published or returned it. */
  reviewerId?: string;
}

export type CaseStudyEvent = EventEnvelope<
  (typeof CaseStudyEventTypes)[keyof typeof CaseStudyEventTypes],
  CaseStudyEventPayload
>;
