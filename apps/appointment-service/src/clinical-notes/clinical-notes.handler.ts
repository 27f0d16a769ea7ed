import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  AppointmentForActorMessage,
  AppointmentSubjects,
  type ClinicalNotesView,
  type PatientHistoryView,
} from '@arogyam/contracts';
import { ClinicalNotesService } from './clinical-notes.service';
import { PatientHistoryService } from './patient-history.service';

@Controller()
export class ClinicalNotesHandler {
  constructor(
    private readonly notes: ClinicalNotesService,
    private readonly history: PatientHistoryService,
  ) {}

  @MessagePattern(AppointmentSubjects.saveNotes)
  save(@Payload() message: ActorMessageDto): Promise<ClinicalNotesView> {
    return this.notes.save(message.actor, message.body);
  }

  @MessagePattern(AppointmentSubjects.getNotes)
  get(@Payload() message: AppointmentForActorMessage): Promise<ClinicalNotesView> {
    return this.notes.get(message.actor, message.appointmentId);
  }

  @MessagePattern(AppointmentSubjects.patientHistory)
  patientHistory(
    @Payload() message: AppointmentForActorMessage,
  ): Promise<Omit<PatientHistoryView, 'prescriptionsIncluded'>> {
    return this.history.earlier(message.actor, message.appointmentId);
  }
}
