import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const VERIFICATION_DECISIONS = ['approved', 'rejected'] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];

export const VERIFICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export class VerifyDoctorDto {
  @IsIn(VERIFICATION_DECISIONS)
  decision: VerificationDecision;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class VerificationQueueQueryDto {
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  verificationStatus?: VerificationStatus;
}
