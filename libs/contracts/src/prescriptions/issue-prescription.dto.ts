import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MaxTextLength, MinTextLength } from '../common/text-length';

export const MAX_PRESCRIPTION_ITEMS = 30;
export const MAX_DURATION_DAYS = 365;

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
/** A blank optional text is no text at all. */
const trimToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || undefined : value;

/** One medicine as the doctor writes it: "Amoxicillin", "500 mg", "1-0-1 after food", 5 days. */
export class PrescriptionItemDto {
  @Transform(trim)
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(120)
  drug: string;

  @Transform(trim)
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(60)
  dose: string;

  @Transform(trim)
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(80)
  frequency: string;

  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_DAYS)
  durationDays: number;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(300)
  instructions?: string;
}

/**
 * `POST /api/prescriptions`. With `supersedesId` it is a correction: a new version of that
 * prescription (same appointment, same doctor); the old one stays as it was, marked superseded.
 */
export class IssuePrescriptionDto {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  appointmentId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PRESCRIPTION_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => PrescriptionItemDto)
  items: PrescriptionItemDto[];

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(2000)
  advice?: string;

  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  supersedesId?: string;
}
