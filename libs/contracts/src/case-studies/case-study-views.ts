import type { CaseStudyStatus } from './case-study-limits';

export interface CaseStudyImageView {
  dataUrl: string;
  caption: string;
}

/** A card in a list: no texts or images, so pages stay small. */
export interface CaseStudySummary {
  id: string;
  title: string;
  specialty: string;
  tags: string[];
  author: { id: string; fullName: string };
  status: CaseStudyStatus;
  readCount: number;
  updatedAt: string;
  submittedAt?: string;
  publishedAt?: string;
  /** The reviewer's comments when it was last returned (the author and admins only). */
  reviewComments?: string;
}

/** The whole case, as its reader sees it. */
export interface CaseStudyView extends CaseStudySummary {
  presentation: string;
  investigations: string;
  diagnosis: string;
  treatment: string;
  outcome: string;
  learningPoints: string;
  images: CaseStudyImageView[];
  createdAt: string;
}
