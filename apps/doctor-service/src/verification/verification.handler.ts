import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  DoctorSubjects,
  VerificationQueueQueryDto,
  VerifyDoctorMessage,
  type DoctorProfileView,
  type Page,
} from '@arogyam/contracts';
import { VerificationService } from './verification.service';

/** Admin-only subjects (the gateway lets only admins reach them), and a doctor's own resubmission. */
@Controller()
export class VerificationHandler {
  constructor(private readonly verification: VerificationService) {}

  @MessagePattern(DoctorSubjects.listForReview)
  list(@Payload() query: VerificationQueueQueryDto): Promise<Page<DoctorProfileView>> {
    return this.verification.list(query);
  }

  @MessagePattern(DoctorSubjects.verify)
  decide(@Payload() message: VerifyDoctorMessage): Promise<DoctorProfileView> {
    return this.verification.decide(message);
  }

  @MessagePattern(DoctorSubjects.resubmitVerification)
  resubmit(@Payload() message: ActorMessageDto): Promise<DoctorProfileView> {
    return this.verification.resubmit(message.actor);
  }
}
