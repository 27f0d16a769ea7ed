import { Injectable } from '@nestjs/common';
import {
  CaseStudyEventTypes,
  DomainError,
  requireRole,
  ReturnCaseStudyDto,
  type Actor,
  type CaseStudyReviewQueryDto,
  type CaseStudySummary,
  type CaseStudyView,
  type EventEnvelope,
  type Page,
} from '@arogyam/contracts';
import { createEvent, validateMessagePart } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, pageWindow, toPage } from '@arogyam/persistence';
import { CaseStudyRepository } from './case-study.repository';
import { CaseStudy } from './case-study.schema';
import { CASE_NOT_FOUND } from './case-study-drafts.service';
import { toCaseStudySummary, toCaseStudyView } from './case-study-views';

/** The reviewers' side (admins): the queue, and publishing or returning a submitted case. */
@Injectable()
export class CaseStudyReviewService {
  constructor(
    private readonly cases: CaseStudyRepository,
    @InjectOutboxRelay(CaseStudy.name) private readonly relay: OutboxRelay<CaseStudy>,
  ) {}

  /** Submitted cases by default, oldest submission first (first come, first reviewed). */
  async queue(actor: Actor, query: CaseStudyReviewQueryDto = {}): Promise<Page<CaseStudySummary>> {
    requireRole(actor, 'admin');
    const window = pageWindow(query);
    const { documents, total } = await this.cases.pageOfStatus(query.status ?? 'submitted', window);
    return toPage(
      documents.map((caseStudy) => toCaseStudySummary(caseStudy, true)),
      total,
      window,
    );
  }

  async approve(actor: Actor, caseStudyId: string): Promise<CaseStudyView> {
    requireRole(actor, 'admin');
    return this.decide(
      caseStudyId,
      { status: 'published', publishedAt: new Date(), reviewedBy: actor.userId },
      (authorId) =>
        createEvent(CaseStudyEventTypes.published, { caseStudyId, authorId, reviewerId: actor.userId }),
    );
  }

  async return(actor: Actor, caseStudyId: string, body: unknown): Promise<CaseStudyView> {
    requireRole(actor, 'admin');
    const { comments } = await validateMessagePart(ReturnCaseStudyDto, body);
    return this.decide(
      caseStudyId,
      { status: 'returned', reviewComments: comments, reviewedBy: actor.userId },
      (authorId) =>
        createEvent(CaseStudyEventTypes.returned, { caseStudyId, authorId, reviewerId: actor.userId }),
    );
  }

  /**
   * Only a submitted case is decided, once: the write is conditional on `submitted`, so of two
   * reviewers deciding at once the second gets 409. The event needs the author, hence the read.
   */
  private async decide(
    caseStudyId: string,
    change: Partial<CaseStudy>,
    eventFor: (authorId: string) => EventEnvelope,
  ): Promise<CaseStudyView> {
    const current = await this.cases.findById(caseStudyId);
    if (!current) throw DomainError.notFound(CASE_NOT_FOUND);
    if (current.status !== 'submitted')
      throw DomainError.conflict(`Only a submitted case can be decided; this one is ${current.status}.`);
    const decided = await this.cases.changeStatus(
      caseStudyId,
      ['submitted'],
      {},
      change,
      eventFor(current.authorId),
    );
    if (!decided)
      throw DomainError.conflict('Another reviewer decided this case first.', 'changed_concurrently');
    void this.relay.flush(caseStudyId);
    return toCaseStudyView(decided, true);
  }
}
