import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppointmentQueueMessage, AppointmentSubjects, type AppointmentQueueView } from '@arogyam/contracts';
import { DoctorQueueService } from './doctor-queue.service';

@Controller()
export class DoctorQueueHandler {
  constructor(private readonly queue: DoctorQueueService) {}

  @MessagePattern(AppointmentSubjects.queue)
  day(@Payload() message: AppointmentQueueMessage): Promise<AppointmentQueueView> {
    return this.queue.day(message.actor, message.date);
  }
}
