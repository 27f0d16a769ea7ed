import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CaseStudyReadMessage,
  CaseStudyRefMessage,
  CaseStudyReviewQueueMessage,
  CaseStudySearchMessage,
  CaseStudySubjects,
  CaseStudyWriteMessage,
  DoctorCaseStudiesMessage,
  DomainError,
  OwnCaseStudiesMessage,
  ReturnCaseStudyMessage,
  type CaseStudySummary,
  type CaseStudyView,
  type Page,
} from '@arogyam/contracts';
import { CaseStudyDraftsService } from './case-study-drafts.service';
import { CaseStudyReadingService } from './case-study-reading.service';
import { CaseStudyReviewService } from './case-study-review.service';

@Controller()
export class CaseStudiesHandler {
  constructor(
    private readonly drafts: CaseStudyDraftsService,
    private readonly review: CaseStudyReviewService,
    private readonly reading: CaseStudyReadingService,
  ) {}

  @MessagePattern(CaseStudySubjects.create)
  create(@Payload() message: CaseStudyWriteMessage): Promise<CaseStudyView> {
    return this.drafts.create(message.actor, message.body);
  }

  @MessagePattern(CaseStudySubjects.update)
  update(@Payload() message: CaseStudyWriteMessage): Promise<CaseStudyView> {
    if (!message.caseStudyId) throw DomainError.badRequest('caseStudyId is required.');
    return this.drafts.update(message.actor, message.caseStudyId, message.body);
  }

  @MessagePattern(CaseStudySubjects.listOwn)
  listOwn(@Payload() message: OwnCaseStudiesMessage): Promise<Page<CaseStudySummary>> {
    return this.drafts.listOwn(message.actor, message.query);
  }

  @MessagePattern(CaseStudySubjects.submit)
  submit(@Payload() message: CaseStudyRefMessage): Promise<CaseStudyView> {
    return this.drafts.submit(message.actor, message.caseStudyId);
  }

  @MessagePattern(CaseStudySubjects.get)
  get(@Payload() message: CaseStudyReadMessage): Promise<CaseStudyView> {
    return this.reading.get(message.caseStudyId, message.actor);
  }

  @MessagePattern(CaseStudySubjects.search)
  search(@Payload() message: CaseStudySearchMessage): Promise<Page<CaseStudySummary>> {
    return this.reading.search(message.query);
  }

  @MessagePattern(CaseStudySubjects.listForDoctor)
  forDoctor(@Payload() message: DoctorCaseStudiesMessage): Promise<Page<CaseStudySummary>> {
    return this.reading.forDoctor(message.doctorId, message.query);
  }

  @MessagePattern(CaseStudySubjects.listForReview)
  queue(@Payload() message: CaseStudyReviewQueueMessage): Promise<Page<CaseStudySummary>> {
    return this.review.queue(message.actor, message.query);
  }

  @MessagePattern(CaseStudySubjects.approve)
  approve(@Payload() message: CaseStudyRefMessage): Promise<CaseStudyView> {
    return this.review.approve(message.actor, message.caseStudyId);
  }

  @MessagePattern(CaseStudySubjects.return)
  return(@Payload() message: ReturnCaseStudyMessage): Promise<CaseStudyView> {
    return this.review.return(message.actor, message.caseStudyId, message.body);
  }
}
