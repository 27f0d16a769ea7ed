import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorMessageDto, AppointmentSubjects } from '@arogyam/contracts';
import { PatientErasureBookings } from './patient-erasure-bookings';

@Controller()
export class PatientErasureHandler {
  constructor(private readonly bookings: PatientErasureBookings) {}

  @MessagePattern(AppointmentSubjects.endBookingsForErasure)
  endBookings(@Payload() message: ActorMessageDto): Promise<{ cancelled: number }> {
    return this.bookings.endBookings(message.actor);
  }
}
