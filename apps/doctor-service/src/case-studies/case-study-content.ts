import type { CaseStudyFieldsDto } from '@arogyam/contracts';
import type { CaseStudyContent } from './case-study.repository';
import { caseStudySearchKeys } from './case-study-search-keys';

/** A save's whole content from the author's fields: absent texts are empty, keys recomputed. */
export function caseStudyContent(fields: CaseStudyFieldsDto, authorName: string): CaseStudyContent {
  const tags = fields.tags ?? [];
  return {
    authorName,
    title: fields.title,
    specialty: fields.specialty,
    tags,
    presentation: fields.presentation ?? '',
    investigations: fields.investigations ?? '',
    diagnosis: fields.diagnosis ?? '',
    treatment: fields.treatment ?? '',
    outcome: fields.outcome ?? '',
    learningPoints: fields.learningPoints ?? '',
    images: (fields.images ?? []).map(({ dataUrl, caption }) => ({ dataUrl, caption })),
    ...caseStudySearchKeys({ title: fields.title, specialty: fields.specialty, tags }),
  };
}
