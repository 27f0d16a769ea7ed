/** doctor-service's case study subjects, `doctor.case_study.<verb>`. */
export const CaseStudySubjects = {
  /** The author starts a draft. */
  create: 'doctor.case_study.create',
  /** The author changes a draft or a returned case. */
  update: 'doctor.case_study.update',
  /** The author's own cases, every status, last changed first. */
  listOwn: 'doctor.case_study.list_own',
  /** One case: published for anyone; otherwise its author and admins only (404 for others). */
  get: 'doctor.case_study.get',
  /** The author sends a case for review, after the de-identification check. */
  submit: 'doctor.case_study.submit',
  /** Admins: cases of one status (submitted by default), oldest submission first. */
  listForReview: 'doctor.case_study.list_for_review',
  approve: 'doctor.case_study.approve',
  return: 'doctor.case_study.return',
  /** Published cases, by specialty, tag and words; anyone may ask. */
  search: 'doctor.case_study.search',
  /** One listed doctor's published cases, newest first; anyone may ask. */
  listForDoctor: 'doctor.case_study.list_for_doctor',
} as const;
