import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppointmentSubjects, type BookingPolicyView } from '@arogyam/contracts';
import { ServiceClient } from '../http/service-client';

/** Public: a patient reads the cancellation rules before logging in, booking or cancelling. */
@ApiTags('appointments')
@Controller('booking-policy')
export class BookingPolicyController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Late-cancellation window and booking horizon' })
  policy(): Promise<BookingPolicyView> {
    return this.services.send(AppointmentSubjects.bookingPolicy, {});
  }
}
