import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CASE_STUDY_FIELD_LABELS,
  CASE_STUDY_REQUIRED_TO_SUBMIT,
  CaseStudyEventTypes,
  CaseStudyFieldsDto,
  DomainError,
  requireRole,
  type Actor,
  type CaseStudySummary,
  type CaseStudyView,
  type Page,
  type PageQueryDto,
} from '@arogyam/contracts';
import { createEvent, validateMessagePart } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, pageWindow, toPage } from '@arogyam/persistence';
import { DoctorRepository } from '../profiles/doctor.repository';
import { CaseStudyRepository, EDITABLE } from './case-study.repository';
import { CaseStudy } from './case-study.schema';
import { caseStudyContent } from './case-study-content';
import { toCaseStudySummary, toCaseStudyView } from './case-study-views';
import { identifyingDetails } from './de-identification/identifying-details';
import { PatientNameIndex } from './de-identification/patient-names';
import { DoctorPatientNamesLookup } from './doctor-patient-names.lookup';

export const CASE_NOT_FOUND = 'Case study not found.';

/** The author's side: drafts, their changes, and submission after the de-identification check. */
@Injectable()
export class CaseStudyDraftsService {
  constructor(
    private readonly cases: CaseStudyRepository,
    private readonly doctors: DoctorRepository,
    private readonly patientNames: DoctorPatientNamesLookup,
    @InjectOutboxRelay(CaseStudy.name) private readonly relay: OutboxRelay<CaseStudy>,
  ) {}

  async create(actor: Actor, body: unknown): Promise<CaseStudyView> {
    requireRole(actor, 'doctor');
    const fields = await validateMessagePart(CaseStudyFieldsDto, body);
    const caseStudy = await this.cases.insert({
      _id: randomUUID(),
      authorId: actor.userId,
      status: 'draft',
      ...caseStudyContent(fields, await this.authorName(actor)),
    });
    return toCaseStudyView(caseStudy, true);
  }

  /** The whole case again; only its author, and only while a draft or returned (409 otherwise). */
  async update(actor: Actor, caseStudyId: string, body: unknown): Promise<CaseStudyView> {
    requireRole(actor, 'doctor');
    const fields = await validateMessagePart(CaseStudyFieldsDto, body);
    const content = caseStudyContent(fields, await this.authorName(actor));
    const updated = await this.cases.updateContent(caseStudyId, actor.userId, content);
    if (updated) return toCaseStudyView(updated, true);
    const current = await this.ownCase(actor, caseStudyId);
    throw DomainError.conflict(`A ${current.status} case cannot be changed.`);
  }

  async listOwn(actor: Actor, query: PageQueryDto = {}): Promise<Page<CaseStudySummary>> {
    requireRole(actor, 'doctor');
    const window = pageWindow(query);
    const { documents, total } = await this.cases.pageOfAuthor(actor.userId, window);
    return toPage(
      documents.map((caseStudy) => toCaseStudySummary(caseStudy, true)),
      total,
      window,
    );
  }

  /**
   * Sends the case for review: it must be complete and pass the de-identification check (422
   * with every place otherwise, `code: identifying_details`). The status moves only if the case
   * is still the version checked, so an edit racing the submission cannot slip through unchecked.
   */
  async submit(actor: Actor, caseStudyId: string): Promise<CaseStudyView> {
    requireRole(actor, 'doctor');
    const caseStudy = await this.ownCase(actor, caseStudyId);
    if (!EDITABLE.includes(caseStudy.status))
      throw DomainError.conflict(`This case is ${caseStudy.status} already.`);
    const missing = CASE_STUDY_REQUIRED_TO_SUBMIT.filter((field) => caseStudy[field].trim() === '');
    if (missing.length > 0)
      throw new DomainError(
        422,
        'Complete the case before submitting it.',
        missing.map((field) => ({
          field,
          problem: `${CASE_STUDY_FIELD_LABELS[field]} is needed to submit.`,
        })),
      );
    const names = new PatientNameIndex(await this.patientNames.of(actor));
    const details = identifyingDetails(caseStudy, names);
    if (details.length > 0)
      throw new DomainError(
        422,
        `The case may identify a patient in ${details.length === 1 ? 'one place' : `${details.length} places`}: change them and submit again.`,
        details,
        'identifying_details',
      );
    const submitted = await this.cases.changeStatus(
      caseStudyId,
      EDITABLE,
      { authorId: actor.userId, updatedAt: caseStudy.updatedAt },
      { status: 'submitted', submittedAt: new Date() },
      createEvent(CaseStudyEventTypes.submitted, { caseStudyId, authorId: actor.userId }),
    );
    if (!submitted)
      throw DomainError.conflict(
        'The case changed while it was being checked; submit it again.',
        'changed_concurrently',
      );
    void this.relay.flush(caseStudyId);
    return toCaseStudyView(submitted, true);
  }

  /** The actor's own case; anyone else's answers 404 as if absent. */
  private async ownCase(actor: Actor, caseStudyId: string): Promise<CaseStudy> {
    const caseStudy = await this.cases.findById(caseStudyId);
    if (!caseStudy || caseStudy.authorId !== actor.userId) throw DomainError.notFound(CASE_NOT_FOUND);
    return caseStudy;
  }

  private async authorName(actor: Actor): Promise<string> {
    const doctor = await this.doctors.findById(actor.userId);
    if (!doctor) throw DomainError.forbidden('Only doctors with a profile may write case studies.');
    return doctor.fullName;
  }
}
