import type { CaseStudyView } from '@arogyam/ui';

/** The editor's state of a case: tags as the doctor types them, comma-separated. */
export interface CaseStudyDraft {
  title: string;
  specialty: string;
  tags: string;
  presentation: string;
  investigations: string;
  diagnosis: string;
  treatment: string;
  outcome: string;
  learningPoints: string;
  images: { dataUrl: string; caption: string }[];
}

export const EMPTY_DRAFT: CaseStudyDraft = {
  title: '',
  specialty: '',
  tags: '',
  presentation: '',
  investigations: '',
  diagnosis: '',
  treatment: '',
  outcome: '',
  learningPoints: '',
  images: [],
};

export const draftOf = (caseStudy: CaseStudyView): CaseStudyDraft => ({
  title: caseStudy.title,
  specialty: caseStudy.specialty,
  tags: caseStudy.tags.join(', '),
  presentation: caseStudy.presentation,
  investigations: caseStudy.investigations,
  diagnosis: caseStudy.diagnosis,
  treatment: caseStudy.treatment,
  outcome: caseStudy.outcome,
  learningPoints: caseStudy.learningPoints,
  images: caseStudy.images.map(({ dataUrl, caption }) => ({ dataUrl, caption })),
});

/** The body of `POST`/`PUT /api/case-studies/mine`: the whole case. */
export const bodyOf = (draft: CaseStudyDraft) => ({
  ...draft,
  tags: draft.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== ''),
});

/** The long texts, in the editor's order, with their labels and what each asks for. */
export const CASE_TEXTS = [
  ['presentation', 'Presentation', 'Age, sex, complaints and history: no names, dates, places or numbers.'],
  ['investigations', 'Investigations', 'Optional. Tests and their results, by day ("day 2"), not date.'],
  ['diagnosis', 'Diagnosis', ''],
  ['treatment', 'Treatment', ''],
  ['outcome', 'Outcome', ''],
  ['learningPoints', 'Learning points', ''],
] as const;

/** Where a problem's field is on the page: the id of the control to focus and describe. */
export const controlIdOf = (field: string): string => {
  const top = /^tags\[/.test(field) ? 'tags' : field;
  return `case-${top.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
};

/** The order of controls on the page, for focusing the first problem. */
export const CONTROL_ORDER = ['title', 'specialty', 'tags', ...CASE_TEXTS.map(([field]) => field)];
