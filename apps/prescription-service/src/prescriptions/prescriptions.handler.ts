import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  ListPrescriptionsMessage,
  PrescriptionIdMessage,
  PrescriptionSubjects,
  type Page,
  type PrescriptionView,
} from '@arogyam/contracts';
import { PrescriptionsService } from './prescriptions.service';

@Controller()
export class PrescriptionsHandler {
  constructor(private readonly prescriptions: PrescriptionsService) {}

  @MessagePattern(PrescriptionSubjects.issue)
  issue(@Payload() message: ActorMessageDto): Promise<PrescriptionView> {
    return this.prescriptions.issue(message.actor, message.body);
  }

  @MessagePattern(PrescriptionSubjects.list)
  list(@Payload() message: ListPrescriptionsMessage): Promise<Page<PrescriptionView>> {
    return this.prescriptions.list(message.actor, message.query);
  }

  @MessagePattern(PrescriptionSubjects.get)
  get(@Payload() message: PrescriptionIdMessage): Promise<PrescriptionView> {
    return this.prescriptions.get(message.actor, message.prescriptionId);
  }
}
