import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateBy } from 'class-validator';
import { IsIanaTimeZone } from '../appointments/time-formats';
import { PageQueryDto } from '../common/page';
import { MaxTextLength } from '../common/text-length';
import { MAX_MONEY_AMOUNT } from '../common/money.dto';
import { DOCTOR_GENDERS, type DoctorGender } from './doctor-gender';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || undefined : value;

/** How a search's results are ordered; `relevance` (the default) is best rated, most reviewed, then name. */
export const DOCTOR_SEARCH_SORTS = ['relevance', 'soonest', 'fee', 'rating', 'experience'] as const;
export type DoctorSearchSort = (typeof DOCTOR_SEARCH_SORTS)[number];

/** Doctors with a free slot before the end of the patient's day, or of the 7 days from today. */
export const DOCTOR_AVAILABILITY_WINDOWS = ['today', 'week'] as const;
export type DoctorAvailabilityWindow = (typeof DOCTOR_AVAILABILITY_WINDOWS)[number];

/** A highest fee below the lowest one asks for nothing: a mistake the patient should be told about. */
const NotBelowMinFee = (): PropertyDecorator =>
  ValidateBy({
    name: 'notBelowMinFee',
    validator: {
      validate: (value: unknown, args) => {
        const { minFee } = args?.object as { minFee?: unknown };
        return typeof value !== 'number' || typeof minFee !== 'number' || value >= minFee;
      },
      defaultMessage: () => 'maxFee must not be below minFee',
    },
  });

export class DoctorSearchQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(80)
  specialization?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(80)
  city?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(40)
  language?: string;

  /** Case-insensitive prefix of the doctor's name (or of any word in it). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(80)
  q?: string;

  /** The lowest consultation fee, in paise (the fee's stored unit), inclusive. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  minFee?: number;

  /** The highest consultation fee, in paise, inclusive. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  @NotBelowMinFee()
  maxFee?: number;

  @IsOptional()
  @Transform(trim)
  @IsIn(DOCTOR_GENDERS)
  gender?: DoctorGender;

  /** Free before the end of today or of this week, in `tz` (UTC when absent). */
  @IsOptional()
  @Transform(trim)
  @IsIn(DOCTOR_AVAILABILITY_WINDOWS)
  available?: DoctorAvailabilityWindow;

  /** The patient's IANA time zone, which "today" and "this week" are days of. */
  @IsOptional()
  @Transform(trim)
  @IsIanaTimeZone()
  tz?: string;

  @IsOptional()
  @Transform(trim)
  @IsIn(DOCTOR_SEARCH_SORTS)
  sort?: DoctorSearchSort;
}
