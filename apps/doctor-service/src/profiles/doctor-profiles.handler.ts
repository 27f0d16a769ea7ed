import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  CreateDoctorProfileMessage,
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
}
