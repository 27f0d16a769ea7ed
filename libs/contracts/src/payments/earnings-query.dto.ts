import { Transform, Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import { trimToUndefined } from '../common/text-transforms';
import { IsCalendarDate, IsIanaTimeZone } from '../appointments/time-formats';

/** The longest period one earnings answer covers, in days (a year and a day, for leap years). */
export const EARNINGS_MAX_DAYS = 366;

/**
 * `GET /api/doctors/me/earnings`: consultations that start from `from` to `to` (both days
 * included) in the doctor's time zone `tz` (UTC when absent). Without dates: the month two months
 * back to the end of next month.
 */
export class EarningsQueryDto {
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsIanaTimeZone()
  tz?: string;
}

/** `payment.earnings.get`: the doctor is the actor, never a field of the query. */
export class DoctorEarningsMessage extends ActorPart {
  @IsOptional()
  @ValidateNested()
  @Type(() => EarningsQueryDto)
  query?: EarningsQueryDto;
}
