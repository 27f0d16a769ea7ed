import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { IsCalendarDate } from '../appointments/time-formats';
import { trimToUndefined } from '../common/text-transforms';
import { IsPastDate } from '../common/past-date';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import {
  formIdList,
  MAX_SHARED_DOCTORS,
  RECORD_SHARING_MODES,
  type RecordSharingMode,
} from './record-sharing.dto';

export const HEALTH_RECORD_KINDS = [
  'lab_report',
  'imaging',
  'prescription',
  'discharge_summary',
  'vaccination',
  'other',
] as const;
export type HealthRecordKind = (typeof HEALTH_RECORD_KINDS)[number];
export const MAX_HEALTH_RECORD_TITLE_LENGTH = 200;
export const MAX_HEALTH_RECORD_NOTES_LENGTH = 1000;

/** Form fields arrive as text: "true"/"false" (a checkbox) become booleans, anything else stays to fail. */
const formBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** The fields of `POST /api/patients/me/health-records` (multipart, beside the `file`). */
export class HealthRecordFieldsDto {
  @Transform(trimmed)
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(MAX_HEALTH_RECORD_TITLE_LENGTH)
  title: string;

  @IsIn(HEALTH_RECORD_KINDS)
  kind: HealthRecordKind;

  /** When the test, scan or visit took place (not when it was uploaded). */
  @IsOptional()
  @IsCalendarDate()
  @IsPastDate()
  recordedOn?: string;

  @Transform(trimToUndefined)
  @IsOptional()
  @IsString()
  @MaxTextLength(MAX_HEALTH_RECORD_NOTES_LENGTH)
  notes?: string;

  /**
   * Who may see it (record-sharing.dto.ts); with `chosen`, `doctorIds` names them. Without
   * `sharing`, the older `sharedWithDoctors` decides: true (the default) is `all_my_doctors`,
   * false is `none`.
   */
  @IsOptional()
  @IsIn(RECORD_SHARING_MODES)
  sharing?: RecordSharingMode;

  @IsOptional()
  @Transform(formIdList)
  @IsArray()
  @ArrayMaxSize(MAX_SHARED_DOCTORS)
  @IsString({ each: true })
  @MinTextLength(1, { each: true })
  @MaxTextLength(64, { each: true })
  doctorIds?: string[];

  /** Before per-doctor sharing: whether the doctors the patient has appointments with may see it. */
  @IsOptional()
  @Transform(formBoolean)
  @IsBoolean()
  sharedWithDoctors?: boolean;
}
