import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ActorDto, ActorPart } from '../common/actor-message.dto';
import { PageQueryDto } from '../common/page';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { DoctorIdMessage } from '../doctors/doctor-messages';
import { CaseStudyReviewQueryDto, CaseStudySearchQueryDto } from './case-study.dto';

/** One case, by whoever asks (`submit`, `approve`). */
export class CaseStudyRefMessage extends ActorPart {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  caseStudyId: string;
}

/**
 * `doctor.case_study.create` / `update`: the whole case in `body`, validated by doctor-service
 * against CaseStudyFieldsDto (as reviews validate theirs), so the gateway's DTO is not the only check.
 */
export class CaseStudyWriteMessage extends ActorPart {
  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  caseStudyId?: string;

  @IsObject()
  body: Record<string, unknown>;
}

/** `doctor.case_study.return`: the reviewer's comments, validated by doctor-service. */
export class ReturnCaseStudyMessage extends CaseStudyRefMessage {
  @IsObject()
  body: Record<string, unknown>;
}

/** `doctor.case_study.get`: anyone; the actor, when signed in, may see their own draft (or any, if admin). */
export class CaseStudyReadMessage {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  caseStudyId: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ActorDto)
  actor?: ActorDto;
}

/** `doctor.case_study.list_own`. */
export class OwnCaseStudiesMessage extends ActorPart {
  @IsOptional()
  @ValidateNested()
  @Type(() => PageQueryDto)
  query?: PageQueryDto;
}

/** `doctor.case_study.list_for_review` (admins). */
export class CaseStudyReviewQueueMessage extends ActorPart {
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseStudyReviewQueryDto)
  query?: CaseStudyReviewQueryDto;
}

/** `doctor.case_study.search`. */
export class CaseStudySearchMessage {
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseStudySearchQueryDto)
  query?: CaseStudySearchQueryDto;
}

/** `doctor.case_study.list_for_doctor`. */
export class DoctorCaseStudiesMessage extends DoctorIdMessage {
  @IsOptional()
  @ValidateNested()
  @Type(() => PageQueryDto)
  query?: PageQueryDto;
}
