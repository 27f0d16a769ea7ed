import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  AppointmentForActorMessage,
  AppointmentSubjects,
  type ClinicalNotesView,
} from '@arogyam/contracts';
import { ClinicalNotesService } from './clinical-notes.service';

@Controller()
export class ClinicalNotesHandler {
  constructor(private readonly notes: ClinicalNotesService) {}

  @MessagePattern(AppointmentSubjects.saveNotes)
  save(@Payload() message: ActorMessageDto): Promise<ClinicalNotesView> {
    return this.notes.save(message.actor, message.body);
  }

  @MessagePattern(AppointmentSubjects.getNotes)
  get(@Payload() message: AppointmentForActorMessage): Promise<ClinicalNotesView> {
    return this.notes.get(message.actor, message.appointmentId);
  }
}
