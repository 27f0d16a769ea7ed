import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { AppointmentSubjects, type BookingPolicyView } from '@arogyam/contracts';
import { AppointmentServiceConfig } from '../config/appointment-service.config';

/** The rules appointment-service applies, as patients are told them before booking and cancelling. */
@Controller()
export class BookingPolicyHandler {
  constructor(private readonly config: AppointmentServiceConfig) {}

  @MessagePattern(AppointmentSubjects.bookingPolicy)
  policy(): BookingPolicyView {
    return {
      lateCancellationHours: this.config.LATE_CANCELLATION_HOURS,
      bookingHorizonDays: this.config.BOOKING_HORIZON_DAYS,
      careRelationshipDays: this.config.CARE_RELATIONSHIP_DAYS,
    };
  }
}
