import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  AppointmentSubjects,
  DoctorAvailabilityMessage,
  type AvailabilityView,
} from '@arogyam/contracts';
import { AvailabilityService } from './availability.service';

@Controller()
export class AvailabilityHandler {
  constructor(private readonly availability: AvailabilityService) {}

  @MessagePattern(AppointmentSubjects.setAvailability)
  set(@Payload() message: ActorMessageDto): Promise<AvailabilityView> {
    return this.availability.set(message.actor, message.body);
  }

  @MessagePattern(AppointmentSubjects.getAvailability)
  get(@Payload() message: DoctorAvailabilityMessage): Promise<AvailabilityView> {
    return this.availability.get(message.doctorId);
  }
}
