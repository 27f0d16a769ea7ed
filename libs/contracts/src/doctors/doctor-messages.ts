import { IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';
import { ProfileOwnerDto } from '../identity/profile-owner.dto';
import { DoctorProfileFieldsDto } from './doctor-profile-fields.dto';
import { VerifyDoctorDto } from './verify-doctor.dto';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/** `doctor.profile.create`: idempotent, keyed by the user id. */
export class CreateDoctorProfileMessage extends IntersectionType(ProfileOwnerDto, DoctorProfileFieldsDto) {}

/** `doctor.profile.get`: anyone may ask; the actor, when signed in, decides whether unverified doctors show. */
export class DoctorProfileQueryMessage {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  doctorId: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ActorDto)
  actor?: ActorDto;
}

/** `doctor.profile.get_for_service`: another service asks for a doctor's full profile. */
export class DoctorIdMessage extends PickType(DoctorProfileQueryMessage, ['doctorId'] as const) {}

/** `doctor.verification.decide`: an admin's decision on a doctor's credentials. */
export class VerifyDoctorMessage extends VerifyDoctorDto {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  doctorId: string;

  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  actorId: string;
}
