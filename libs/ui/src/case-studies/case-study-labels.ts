import type { CaseStudyStatus } from '../api/types';

/** A case's status as its author and reviewers read it. */
export const CASE_STUDY_STATUS_LABELS: Record<CaseStudyStatus, string> = {
  draft: 'Draft',
  submitted: 'In review',
  returned: 'Returned with comments',
  published: 'Published',
};
