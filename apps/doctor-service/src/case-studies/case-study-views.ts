import type { CaseStudySummary, CaseStudyView } from '@arogyam/contracts';
import type { CaseStudyCard } from './case-study.repository';
import type { CaseStudy } from './case-study.schema';

const iso = (date: Date | undefined): string | undefined => (date ? new Date(date).toISOString() : undefined);

/**
 * A case's card. The reviewer's comments are for the author and admins: `withComments` says
 * whether the reader is one of them.
 */
export function toCaseStudySummary(caseStudy: CaseStudyCard, withComments: boolean): CaseStudySummary {
  const submittedAt = iso(caseStudy.submittedAt);
  const publishedAt = iso(caseStudy.publishedAt);
  return {
    id: caseStudy._id,
    title: caseStudy.title,
    specialty: caseStudy.specialty,
    tags: caseStudy.tags,
    author: { id: caseStudy.authorId, fullName: caseStudy.authorName },
    status: caseStudy.status,
    readCount: caseStudy.readCount,
    updatedAt: new Date(caseStudy.updatedAt).toISOString(),
    ...(submittedAt ? { submittedAt } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(withComments && caseStudy.reviewComments ? { reviewComments: caseStudy.reviewComments } : {}),
  };
}

export const toCaseStudyView = (caseStudy: CaseStudy, withComments: boolean): CaseStudyView => ({
  ...toCaseStudySummary(caseStudy, withComments),
  presentation: caseStudy.presentation,
  investigations: caseStudy.investigations,
  diagnosis: caseStudy.diagnosis,
  treatment: caseStudy.treatment,
  outcome: caseStudy.outcome,
  learningPoints: caseStudy.learningPoints,
  images: caseStudy.images.map(({ dataUrl, caption }) => ({ dataUrl, caption })),
  createdAt: new Date(caseStudy.createdAt).toISOString(),
});
