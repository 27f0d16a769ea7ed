import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  CreateDoctorProfileMessage,
  DoctorIdMessage,
  DoctorProfileQueryMessage,
  DoctorSubjects,
  type DoctorProfileView,
  type DoctorPublicProfileView,
} from '@arogyam/contracts';
import { DoctorProfilesService } from './doctor-profiles.service';

@Controller()
export class DoctorProfilesHandler {
  constructor(private readonly profiles: DoctorProfilesService) {}

  @MessagePattern(DoctorSubjects.createProfile)
  create(@Payload() message: CreateDoctorProfileMessage): Promise<DoctorProfileView> {
    return this.profiles.create(message);
  }

  @MessagePattern(DoctorSubjects.getOwnProfile)
  getOwn(@Payload() message: ActorMessageDto): Promise<DoctorProfileView> {
    return this.profiles.getOwn(message.actor);
  }

  @MessagePattern(DoctorSubjects.updateOwnProfile)
  updateOwn(@Payload() message: ActorMessageDto): Promise<DoctorProfileView> {
    return this.profiles.updateOwn(message.actor, message.body);
  }

  @MessagePattern(DoctorSubjects.getPublicProfile)
  getPublic(@Payload() message: DoctorProfileQueryMessage): Promise<DoctorPublicProfileView> {
    return this.profiles.getPublic(message);
  }

  /** For other services (a prescription prints the registration number); the gateway never routes here. */
  @MessagePattern(DoctorSubjects.getProfileForService)
  getForService(@Payload() message: DoctorIdMessage): Promise<DoctorProfileView> {
    return this.profiles.getForService(message.doctorId);
  }
}
