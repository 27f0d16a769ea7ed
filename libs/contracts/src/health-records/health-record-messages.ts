import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import { PageQueryDto } from '../common/page';
import { HealthRecordFieldsDto } from './health-record.dto';
import { RecordSharingDto } from './record-sharing.dto';
import {
  HEALTH_RECORD_CONTENT_TYPES,
  MAX_HEALTH_RECORD_BYTES,
  type HealthRecordContentType,
} from './health-record-files';
import { MaxTextLength, MinTextLength } from '../common/text-length';

export const HealthRecordSubjects = {
  /**
   * Before the gateway puts an upload's file in the bucket: patient-service notes the record id, so
   * a file that never becomes a record (a gateway stopped between the two) is found and deleted.
   */
  reserve: 'patient.record.reserve',
  /** The file is in the bucket already; this records it (or refuses and the gateway removes it). */
  create: 'patient.record.create',
  listOwn: 'patient.record.list_own',
  /** One record with its file's object name, for its patient or a doctor who may read it. */
  get: 'patient.record.get',
  delete: 'patient.record.delete',
  /** The patient changes who may see one record; a revoke holds from the next read on. */
  setSharing: 'patient.record.set_sharing',
  /** The doctor of an appointment: its patient's records shared with doctors. */
  listForAppointment: 'patient.record.list_for_appointment',
} as const;

/** The uploaded file as the gateway saw it in the bucket. */
export class HealthRecordFileDto {
  @IsIn(HEALTH_RECORD_CONTENT_TYPES)
  contentType: HealthRecordContentType;

  @IsInt()
  @Min(1)
  @Max(MAX_HEALTH_RECORD_BYTES)
  size: number;

  /** The file's name on the patient's device, for the download. */
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(255)
  fileName: string;
}

export class CreateHealthRecordMessage extends ActorPart {
  @Matches(/^[0-9a-f-]{36}$/, { message: 'recordId must be a UUID' })
  recordId: string;

  @ValidateNested()
  @Type(() => HealthRecordFieldsDto)
  fields: HealthRecordFieldsDto;

  @ValidateNested()
  @Type(() => HealthRecordFileDto)
  file: HealthRecordFileDto;
}

export class ListHealthRecordsMessage extends ActorPart {
  @ValidateNested()
  @Type(() => PageQueryDto)
  query: PageQueryDto;
}

/** One record: by its patient, or by the doctor of `appointmentId` (the care relationship). */
export class HealthRecordIdMessage extends ActorPart {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  recordId: string;

  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  appointmentId?: string;
}

export class AppointmentHealthRecordsMessage extends ActorPart {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  appointmentId: string;
}

/** `patient.record.set_sharing`: the patient's own record. */
export class SetRecordSharingMessage extends ActorPart {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  recordId: string;

  @ValidateNested()
  @Type(() => RecordSharingDto)
  sharing: RecordSharingDto;
}
