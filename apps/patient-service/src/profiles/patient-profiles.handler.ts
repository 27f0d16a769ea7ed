import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  CreatePatientProfileMessage,
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

  @MessagePattern(PatientSubjects.updateOwnProfile)
  updateOwn(@Payload() message: ActorMessageDto): Promise<PatientProfileView> {
    return this.profiles.updateOwn(message.actor, message.body);
  }
}
