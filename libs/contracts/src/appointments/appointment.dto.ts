import { IntersectionType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../common/page';
import {
  APPOINTMENT_MODES,
  APPOINTMENT_STATUSES,
  type AppointmentMode,
  type AppointmentStatus,
} from './appointment-views';
import { IsCalendarDate, IsInstant } from './time-formats';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { trimText as trim } from '../common/text-transforms';

/** The statuses `POST /api/appointments/:id/status` may ask for (`cancelled` also has its own route). */
export const REQUESTABLE_STATUSES = [
  'checked_in',
  'in_consultation',
  'completed',
  'no_show',
  'cancelled',
] as const;
export type RequestableStatus = (typeof REQUESTABLE_STATUSES)[number];

export class AppointmentRefDto {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  appointmentId: string;
}

/** `POST /api/appointments`. */
export class BookAppointmentDto {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  doctorId: string;

  @IsInstant()
  startAt: string;

  @IsIn(APPOINTMENT_MODES)
  mode: AppointmentMode;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(500)
  reason?: string;
}

/** `PATCH /api/appointments/:id`: move to another slot of the same doctor. */
export class RescheduleAppointmentDto extends PickType(BookAppointmentDto, ['startAt'] as const) {}

/** `POST /api/appointments/:id/cancel`. */
export class CancelAppointmentDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(500)
  reason?: string;
}

/** `POST /api/appointments/:id/status`. */
export class SetAppointmentStatusDto {
  @IsIn(REQUESTABLE_STATUSES)
  status: RequestableStatus;
}

/** The bodies of the change subjects: the route's fields plus the appointment they apply to. */
export class RescheduleAppointmentBody extends IntersectionType(
  AppointmentRefDto,
  RescheduleAppointmentDto,
) {}
export class CancelAppointmentBody extends IntersectionType(AppointmentRefDto, CancelAppointmentDto) {}
export class SetAppointmentStatusBody extends IntersectionType(AppointmentRefDto, SetAppointmentStatusDto) {}

/** `GET /api/appointments`: own appointments, newest first, optionally of one status or period. */
/**
 * `upcoming`: active (booked, checked in, in consultation) and not ended, soonest first; `past`:
 * everything else (ended, or cancelled, completed, no-show whenever it was due), latest first.
 */
export const APPOINTMENT_LIST_WHEN = ['upcoming', 'past'] as const;
export type AppointmentListWhen = (typeof APPOINTMENT_LIST_WHEN)[number];

export class AppointmentListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(APPOINTMENT_STATUSES)
  status?: AppointmentStatus;

  @IsOptional()
  @IsIn(APPOINTMENT_LIST_WHEN)
  when?: AppointmentListWhen;

  @IsOptional()
  @IsInstant()
  from?: string;

  @IsOptional()
  @IsInstant()
  to?: string;
}

/** `GET /api/admin/appointments?date=`: one UTC day. */
export class AppointmentsForDayQueryDto extends PageQueryDto {
  @IsCalendarDate()
  date: string;
}

/** `GET /api/doctors/me/queue?date=`: a day in the doctor's own time zone. */
export class AppointmentQueueQueryDto {
  @IsCalendarDate()
  date: string;
}

/** `GET /api/doctors/:id/slots?from=&to=`. */
export class SlotQueryDto {
  @IsInstant()
  from: string;

  @IsInstant()
  to: string;
}
