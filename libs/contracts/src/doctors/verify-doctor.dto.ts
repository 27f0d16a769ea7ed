import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/page';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { trimToUndefined } from '../common/text-transforms';

export const VERIFICATION_DECISIONS = ['approved', 'rejected'] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];

export const VERIFICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export class VerifyDoctorDto {
  @IsIn(VERIFICATION_DECISIONS)
  decision: VerificationDecision;

  /** The reason, which the doctor is told (app and email): required to reject, optional to approve. */
  @Transform(trimToUndefined)
  @ValidateIf((dto: VerifyDoctorDto) => dto.decision === 'rejected' || dto.note !== undefined)
  @IsString()
  @MinTextLength(3)
  @MaxTextLength(1000)
  note?: string;
}

/** The admins' review queue: one verification status at a time, paged. */
export class VerificationQueueQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  verificationStatus?: VerificationStatus;
}
