import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  AppointmentForActorMessage,
  ListPrescriptionsMessage,
  PrescriptionIdMessage,
  PrescriptionSubjects,
  type Page,
  type PatientHistoryPrescriptionsView,
  type PrescriptionView,
} from '@arogyam/contracts';
import { PrescriptionHistoryService } from './prescription-history.service';
import { PrescriptionsService } from './prescriptions.service';

@Controller()
export class PrescriptionsHandler {
  constructor(
    private readonly prescriptions: PrescriptionsService,
    private readonly history: PrescriptionHistoryService,
  ) {}

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

  @MessagePattern(PrescriptionSubjects.listForHistory)
  listForHistory(@Payload() message: AppointmentForActorMessage): Promise<PatientHistoryPrescriptionsView> {
    return this.history.list(message.actor, message.appointmentId);
  }
}
