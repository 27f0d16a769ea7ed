/**
 * A case travels whole in one JSON body (images as data URLs, like the doctor's photo), under
 * the gateway's 100 kB body limit: six texts of 3,000 characters and three images of 20,000.
 */
export const CASE_STUDY_TITLE_MAX = 150;
export const CASE_STUDY_TEXT_MAX = 3000;
export const CASE_STUDY_TAGS_MAX = 10;
export const CASE_STUDY_TAG_MAX = 40;
export const CASE_STUDY_IMAGES_MAX = 3;
export const CASE_STUDY_IMAGE_MAX_LENGTH = 20_000;
export const CASE_STUDY_CAPTION_MAX = 200;
export const CASE_STUDY_COMMENTS_MAX = 2000;
/** PNG, JPEG or WebP: formats whose metadata doctor-service can find and refuse (no SVG). */
export const CASE_STUDY_IMAGE_PATTERN = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export const CASE_STUDY_STATUSES = ['draft', 'submitted', 'returned', 'published'] as const;
export type CaseStudyStatus = (typeof CASE_STUDY_STATUSES)[number];

export const CASE_STUDY_SORTS = ['newest', 'most_read'] as const;
export type CaseStudySort = (typeof CASE_STUDY_SORTS)[number];

/** The case's texts, in the order the editor shows them: findings are listed in this order. */
export const CASE_STUDY_TEXT_FIELDS = [
  'title',
  'specialty',
  'presentation',
  'investigations',
  'diagnosis',
  'treatment',
  'outcome',
  'learningPoints',
] as const;
export type CaseStudyTextField = (typeof CASE_STUDY_TEXT_FIELDS)[number];

/** Their names as the doctor reads them in the editor, for findings. */
export const CASE_STUDY_FIELD_LABELS: Record<CaseStudyTextField, string> = {
  title: 'Title',
  specialty: 'Specialty',
  presentation: 'Presentation',
  investigations: 'Investigations',
  diagnosis: 'Diagnosis',
  treatment: 'Treatment',
  outcome: 'Outcome',
  learningPoints: 'Learning points',
};

/** What a submitted case must have besides its title and specialty (investigations are optional). */
export const CASE_STUDY_REQUIRED_TO_SUBMIT: readonly CaseStudyTextField[] = [
  'presentation',
  'diagnosis',
  'treatment',
  'outcome',
  'learningPoints',
];
