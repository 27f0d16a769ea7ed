import { Injectable } from '@nestjs/common';
import {
  DomainError,
  tagKey,
  type Actor,
  type CaseStudySearchQueryDto,
  type CaseStudySummary,
  type CaseStudyView,
  type Page,
  type PageQueryDto,
} from '@arogyam/contracts';
import { pageWindow, toPage, type PageWindow } from '@arogyam/persistence';
import { DoctorRepository } from '../profiles/doctor.repository';
import { isListed } from '../profiles/listed-doctor';
import { specialtyKeyOf } from '../profiles/doctor-search-keys';
import { CaseStudyRepository, type CaseStudyCard, type PublishedOrder } from './case-study.repository';
import { CASE_NOT_FOUND } from './case-study-drafts.service';
import { searchWordsOf, wordPrefixOf } from './case-study-search-keys';
import { toCaseStudySummary, toCaseStudyView } from './case-study-views';

/** A search looks at this many of its words; more narrow nothing a reader needs. */
const MOST_QUERY_WORDS = 6;
/** A page of cards, as the doctor search's. */
const CASES_PAGE_SIZE = 12;

/** Whether the reader may see the case unpublished, and the reviewer's comments: its author and admins. */
const isAuthorOrReviewer = (caseStudy: { authorId: string }, actor?: Actor): boolean =>
  actor !== undefined &&
  ((actor.role === 'doctor' && actor.userId === caseStudy.authorId) || actor.role === 'admin');

/** Everyone's side: published cases, read, searched, and listed per doctor. */
@Injectable()
export class CaseStudyReadingService {
  constructor(
    private readonly cases: CaseStudyRepository,
    private readonly doctors: DoctorRepository,
  ) {}

  /**
   * A published case for anyone; any other for its author and admins only, 404 for the rest as
   * if absent. A read by anyone but the author counts towards "most read".
   */
  async get(caseStudyId: string, actor?: Actor): Promise<CaseStudyView> {
    const caseStudy = await this.cases.findById(caseStudyId);
    const privileged = caseStudy !== null && isAuthorOrReviewer(caseStudy, actor);
    if (!caseStudy || (caseStudy.status !== 'published' && !privileged))
      throw DomainError.notFound(CASE_NOT_FOUND);
    if (caseStudy.status === 'published' && actor?.userId !== caseStudy.authorId) {
      await this.cases.countRead(caseStudyId);
      caseStudy.readCount += 1;
    }
    return toCaseStudyView(caseStudy, privileged);
  }

  /** Published cases: specialty (as doctor search reads it), exact tag, and words by prefix; newest or most read. */
  async search(query: CaseStudySearchQueryDto = {}): Promise<Page<CaseStudySummary>> {
    const words = [...new Set(searchWordsOf(query.q ?? '').map(wordPrefixOf))].slice(0, MOST_QUERY_WORDS);
    return this.published(
      {
        ...(query.specialty ? { specialtyKey: specialtyKeyOf(query.specialty) } : {}),
        ...(query.tag ? { tag: tagKey(query.tag) } : {}),
        prefixes: words,
      },
      query.sort ?? 'newest',
      pageWindow(query, CASES_PAGE_SIZE),
    );
  }

  /** A listed doctor's published cases, newest first (404 unless the doctor is listed, as for reviews). */
  async forDoctor(doctorId: string, query: PageQueryDto = {}): Promise<Page<CaseStudySummary>> {
    const doctor = await this.doctors.listingStatusOf(doctorId);
    if (!doctor || !isListed(doctor)) throw DomainError.notFound('Doctor not found');
    return this.published({ authorId: doctorId }, 'newest', pageWindow(query, CASES_PAGE_SIZE));
  }

  private async published(
    keys: Parameters<CaseStudyRepository['pageOfPublished']>[0],
    order: PublishedOrder,
    window: PageWindow,
  ): Promise<Page<CaseStudySummary>> {
    const { documents, total } = await this.cases.pageOfPublished(keys, order, window);
    return toPage(
      documents.map((caseStudy: CaseStudyCard) => toCaseStudySummary(caseStudy, false)),
      total,
      window,
    );
  }
}
