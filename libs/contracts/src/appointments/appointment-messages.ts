import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import {
  AppointmentListQueryDto,
  AppointmentQueueQueryDto,
  AppointmentRefDto,
  AppointmentsForDayQueryDto,
  SlotQueryDto,
} from './appointment.dto';
import { DoctorAvailabilityMessage } from './availability.dto';

/*
 * The outer shapes of appointment-service's subjects that carry no `body`. Subjects that do
 * (`set`, `book`, `reschedule`, `cancel`, `set_status`, `notes.save`) use ActorMessageDto, and
 * the service validates the body against its own DTO.
 */

/** `appointment.slot.list`. */
export class SlotListMessage extends IntersectionType(DoctorAvailabilityMessage, SlotQueryDto) {}

/** `appointment.slot.next_free`: a search page's or a profile's doctors. */
export class NextFreeSlotsMessage {
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  doctorIds: string[];
}

/** `appointment.appointment.get` (service to service). */
export class AppointmentIdMessage extends AppointmentRefDto {}

/** `appointment.appointment.get_for_actor` and `appointment.notes.get`. */
export class AppointmentForActorMessage extends IntersectionType(ActorPart, AppointmentRefDto) {}

/** `appointment.queue.get`. */
export class AppointmentQueueMessage extends IntersectionType(ActorPart, AppointmentQueueQueryDto) {}

/** `appointment.appointment.list`. */
export class AppointmentListMessage extends ActorPart {
  @IsOptional()
  @ValidateNested()
  @Type(() => AppointmentListQueryDto)
  query?: AppointmentListQueryDto;
}

/** `appointment.appointment.list_for_day` (admins). */
export class AppointmentsForDayMessage extends ActorPart {
  @ValidateNested()
  @Type(() => AppointmentsForDayQueryDto)
  query: AppointmentsForDayQueryDto;
}
