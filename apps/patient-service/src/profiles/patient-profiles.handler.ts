import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  CreatePatientProfileMessage,
  PatientIdMessage,
  PatientSubjects,
  type PatientProfileView,
} from '@arogyam/contracts';
import { PatientProfilesService } from './patient-profiles.service';

@Controller()
export class PatientProfilesHandler {
  constructor(private readonly profiles: PatientProfilesService) {}

  @MessagePattern(PatientSubjects.createProfile)
  create(@Payload() message: CreatePatientProfileMessage): Promise<PatientProfileView> {
    return this.profiles.create(message);
  }

  @MessagePattern(PatientSubjects.getOwnProfile)
  getOwn(@Payload() message: ActorMessageDto): Promise<PatientProfileView> {
    return this.profiles.getOwn(message.actor);
  }

  /** For other services (notification-service's contact details); the gateway never routes here. */
  @MessagePattern(PatientSubjects.getForService)
  getForService(@Payload() message: PatientIdMessage): Promise<PatientProfileView> {
    return this.profiles.getForService(message.patientId);
  }

  @MessagePattern(PatientSubjects.updateOwnProfile)
  updateOwn(@Payload() message: ActorMessageDto): Promise<PatientProfileView> {
    return this.profiles.updateOwn(message.actor, message.body);
  }
}
