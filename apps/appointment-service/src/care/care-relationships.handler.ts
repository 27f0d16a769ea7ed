import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppointmentForActorMessage,
  AppointmentSubjects,
  type CareRelationshipAnswer,
} from '@arogyam/contracts';
import { toAppointmentView } from '../appointments/appointment-views';
import { CareRelationships } from './care-relationships.service';

/** Service to service (patient-service, prescription-service), as the doctor the gateway named. */
@Controller()
export class CareRelationshipsHandler {
  constructor(private readonly care: CareRelationships) {}

  @MessagePattern(AppointmentSubjects.careRelationship)
  async relationship(@Payload() message: AppointmentForActorMessage): Promise<CareRelationshipAnswer> {
    const { appointment, relationship } = await this.care.through(message.actor, message.appointmentId);
    return { appointment: toAppointmentView(appointment), relationship };
  }
}
