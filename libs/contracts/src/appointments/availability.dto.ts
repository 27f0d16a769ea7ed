import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsDivisibleBy,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsIanaTimeZone } from './time-formats';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/**
 * Clock times on 5-minute marks: every slot then starts and ends on the 5-minute grid that
 * appointment-service's patient-overlap keys are built on. `24:00` ends a window at midnight.
 */
const WINDOW_START = /^([01]\d|2[0-3]):[0-5][05]$/;
const WINDOW_END = /^(([01]\d|2[0-3]):[0-5][05]|24:00)$/;
const ON_FIVE_MINUTE_MARK = { message: '$property must be HH:mm on a 5-minute mark' };

/** One stretch of working hours on an ISO weekday (Monday 1 … Sunday 7), in the schedule's zone. */
export class WeeklyWindowDto {
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @Matches(WINDOW_START, ON_FIVE_MINUTE_MARK)
  start: string;

  @Matches(WINDOW_END, ON_FIVE_MINUTE_MARK)
  end: string;
}

/** A local date on which the doctor takes no appointments (leave, a holiday). */
export class AvailabilityExceptionDto {
  @IsCalendarDate()
  date: string;

  @Equals(true, { message: 'unavailable must be true' })
  unavailable: true;
}

/** `PUT /api/doctors/me/availability`: the doctor's whole schedule, replaced at once. */
export class SetAvailabilityDto {
  @IsIanaTimeZone()
  timezone: string;

  @IsInt()
  @Min(5)
  @Max(240)
  @IsDivisibleBy(5, { message: 'slotMinutes must be a multiple of 5' })
  slotMinutes: number;

  @IsArray()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  weekly: WeeklyWindowDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityExceptionDto)
  exceptions?: AvailabilityExceptionDto[];
}

/** `appointment.availability.get`: anyone may read a doctor's schedule. */
export class DoctorAvailabilityMessage {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  doctorId: string;
}
