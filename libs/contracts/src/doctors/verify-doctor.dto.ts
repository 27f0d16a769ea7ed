import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../common/page';
import { MaxTextLength } from '../common/text-length';

export const VERIFICATION_DECISIONS = ['approved', 'rejected'] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];

export const VERIFICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export class VerifyDoctorDto {
  @IsIn(VERIFICATION_DECISIONS)
  decision: VerificationDecision;

  @IsOptional()
  @IsString()
  @MaxTextLength(1000)
  note?: string;
}

/** The admins' review queue: one verification status at a time, paged. */
export class VerificationQueueQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  verificationStatus?: VerificationStatus;
}
