import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  AppointmentForActorMessage,
  MedicalProfileSubjects,
  type MedicalProfileView,
} from '@arogyam/contracts';
import { MedicalProfilesService } from './medical-profiles.service';

@Controller()
export class MedicalProfilesHandler {
  constructor(private readonly profiles: MedicalProfilesService) {}

  @MessagePattern(MedicalProfileSubjects.getOwn)
  getOwn(@Payload() message: ActorMessageDto): Promise<MedicalProfileView> {
    return this.profiles.getOwn(message.actor);
  }

  @MessagePattern(MedicalProfileSubjects.replaceOwn)
  replaceOwn(@Payload() message: ActorMessageDto): Promise<MedicalProfileView> {
    return this.profiles.replaceOwn(message.actor, message.body);
  }

  @MessagePattern(MedicalProfileSubjects.forAppointment)
  forAppointment(@Payload() message: AppointmentForActorMessage): Promise<MedicalProfileView> {
    return this.profiles.forAppointment(message.actor, message.appointmentId);
  }
}
