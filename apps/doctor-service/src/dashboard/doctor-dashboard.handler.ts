import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorMessageDto, DoctorSubjects, type DoctorDashboardView } from '@arogyam/contracts';
import { DoctorDashboardService } from './doctor-dashboard.service';

@Controller()
export class DoctorDashboardHandler {
  constructor(private readonly dashboard: DoctorDashboardService) {}

  @MessagePattern(DoctorSubjects.dashboard)
  get(@Payload() message: ActorMessageDto): Promise<DoctorDashboardView> {
    return this.dashboard.get(message.actor);
  }
}
