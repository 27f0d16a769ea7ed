import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  AppointmentForActorMessage,
  AppointmentIdMessage,
  AppointmentListMessage,
  AppointmentsForDayMessage,
  AppointmentSubjects,
  type AppointmentView,
  type Page,
} from '@arogyam/contracts';
import { AppointmentChangesService } from './appointment-changes.service';
import { AppointmentQueries } from './appointment-queries.service';
import { BookingService } from './booking.service';

@Controller()
export class AppointmentsHandler {
  constructor(
    private readonly booking: BookingService,
    private readonly changes: AppointmentChangesService,
    private readonly queries: AppointmentQueries,
  ) {}

  @MessagePattern(AppointmentSubjects.book)
  book(@Payload() message: ActorMessageDto): Promise<AppointmentView> {
    return this.booking.book(message.actor, message.body);
  }

  @MessagePattern(AppointmentSubjects.reschedule)
  reschedule(@Payload() message: ActorMessageDto): Promise<AppointmentView> {
    return this.changes.reschedule(message.actor, message.body);
  }

  @MessagePattern(AppointmentSubjects.cancel)
  cancel(@Payload() message: ActorMessageDto): Promise<AppointmentView> {
    return this.changes.cancel(message.actor, message.body);
  }

  @MessagePattern(AppointmentSubjects.setStatus)
  setStatus(@Payload() message: ActorMessageDto): Promise<AppointmentView> {
    return this.changes.setStatus(message.actor, message.body);
  }

  @MessagePattern(AppointmentSubjects.list)
  list(@Payload() message: AppointmentListMessage): Promise<Page<AppointmentView>> {
    return this.queries.list(message.actor, message.query);
  }

  @MessagePattern(AppointmentSubjects.listForDay)
  listForDay(@Payload() message: AppointmentsForDayMessage): Promise<Page<AppointmentView>> {
    return this.queries.listForDay(message.actor, message.query);
  }

  @MessagePattern(AppointmentSubjects.getForActor)
  getForActor(@Payload() message: AppointmentForActorMessage): Promise<AppointmentView> {
    return this.queries.getForActor(message.actor, message.appointmentId);
  }

  @MessagePattern(AppointmentSubjects.get)
  get(@Payload() message: AppointmentIdMessage): Promise<AppointmentView> {
    return this.queries.get(message.appointmentId);
  }
}
