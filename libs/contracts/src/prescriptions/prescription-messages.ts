import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';
import { PageQueryDto } from '../common/page';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/** `GET /api/prescriptions`: the caller's own prescriptions, optionally of one appointment or patient. */
export class ListPrescriptionsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  appointmentId?: string;

  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  patientId?: string;
}

/** `prescription.prescription.list`. */
export class ListPrescriptionsMessage {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ListPrescriptionsQueryDto)
  query?: ListPrescriptionsQueryDto;
}

/** `prescription.prescription.get` and `.pdf`: one prescription, for its patient or its doctor. */
export class PrescriptionIdMessage {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;

  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  prescriptionId: string;
}
