import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import {
  HEALTH_RECORD_CONTENT_TYPES,
  type HealthRecordContentType,
} from '../health-records/health-record-files';

/**
 * A doctor's verification documents (registration certificate, degree) travel like health records'
 * files: the gateway puts the bytes into this JetStream object-store bucket, doctor-service keeps
 * the list on the doctor's profile and says who may read one (the doctor, admins).
 */
export const DOCTOR_DOCUMENTS_BUCKET = 'doctor-documents';

/** The largest document: a scan or a phone photo of a certificate. */
export const MAX_DOCTOR_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** How many documents a doctor may keep at once. */
export const MAX_DOCTOR_DOCUMENTS = 10;

/** What a document may be, told by its first bytes (the same kinds as a health record's file). */
export const DOCTOR_DOCUMENT_CONTENT_TYPES = HEALTH_RECORD_CONTENT_TYPES;
export type DoctorDocumentContentType = HealthRecordContentType;

export const doctorDocumentObjectName = (doctorId: string, documentId: string): string =>
  `documents/${doctorId}/${documentId}`;

export interface DoctorDocumentView {
  id: string;
  fileName: string;
  contentType: DoctorDocumentContentType;
  size: number;
  uploadedAt: string;
}

/** The stored file a document names, as the gateway checked it. */
export class DoctorDocumentFileDto {
  @IsIn(DOCTOR_DOCUMENT_CONTENT_TYPES)
  contentType: DoctorDocumentContentType;

  @IsInt()
  @Min(1)
  @Max(MAX_DOCTOR_DOCUMENT_BYTES)
  size: number;

  @IsString()
  @MinTextLength(1)
  @MaxTextLength(255)
  fileName: string;
}

/** `doctor.document.add`: the doctor's own, its bytes already in the bucket under `documentId`. */
export class AddDoctorDocumentMessage extends ActorPart {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  documentId: string;

  @ValidateNested()
  @Type(() => DoctorDocumentFileDto)
  file: DoctorDocumentFileDto;
}

/** `doctor.document.file` (the doctor's own, or an admin's with `doctorId`) and `doctor.document.remove` (own). */
export class DoctorDocumentMessage extends ActorPart {
  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  doctorId?: string;

  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  documentId: string;
}

/** `doctor.document.file`: where the bytes are and how to send them. */
export interface DoctorDocumentFileAnswer {
  document: DoctorDocumentView;
  objectName: string;
}
