import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorMessageDto, PatientSubjects, type PatientDashboardView } from '@arogyam/contracts';
import { PatientDashboardService } from './patient-dashboard.service';

@Controller()
export class PatientDashboardHandler {
  constructor(private readonly dashboard: PatientDashboardService) {}

  @MessagePattern(PatientSubjects.dashboard)
  get(@Payload() message: ActorMessageDto): Promise<PatientDashboardView> {
    return this.dashboard.get(message.actor);
  }
}
