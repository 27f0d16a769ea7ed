import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, ValidateIf } from 'class-validator';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/**
 * Who a record is shared with, the patient's choice at upload and at any time after:
 *  - `none`: only the patient;
 *  - `all_my_doctors`: any doctor in a care relationship with them (docs/decisions.md);
 *  - `chosen`: only the doctors named in `doctorIds`, also through a booking that has not opened
 *    the care relationship yet (the patient shared it for that visit).
 */
export const RECORD_SHARING_MODES = ['none', 'all_my_doctors', 'chosen'] as const;
export type RecordSharingMode = (typeof RECORD_SHARING_MODES)[number];
export const MAX_SHARED_DOCTORS = 20;

export interface RecordSharing {
  mode: RecordSharingMode;
  /** Only for `chosen`; empty otherwise. */
  doctorIds: string[];
}

/** A multipart form sends one text: "a,b" or a repeated field; JSON sends an array. */
export const formIdList = ({ value }: { value: unknown }): unknown => {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  return value;
};

/** `PATCH /api/patients/me/health-records/:id/sharing`, and the sharing fields of an upload. */
export class RecordSharingDto implements RecordSharing {
  @IsIn(RECORD_SHARING_MODES)
  mode: RecordSharingMode;

  /** Required (one or more) for `chosen`; ignored otherwise. */
  @Transform(formIdList)
  @ValidateIf((sharing: RecordSharingDto) => sharing.mode === 'chosen')
  @IsArray()
  @ArrayMinSize(1, { message: 'Choose at least one doctor to share with.' })
  @ArrayMaxSize(MAX_SHARED_DOCTORS)
  @IsString({ each: true })
  @MinTextLength(1, { each: true })
  @MaxTextLength(64, { each: true })
  doctorIds: string[] = [];
}
