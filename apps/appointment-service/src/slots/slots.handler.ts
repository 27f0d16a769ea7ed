import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppointmentSubjects, SlotListMessage, type SlotListView } from '@arogyam/contracts';
import { SlotsService } from './slots.service';

@Controller()
export class SlotsHandler {
  constructor(private readonly slots: SlotsService) {}

  @MessagePattern(AppointmentSubjects.listSlots)
  list(@Payload() message: SlotListMessage): Promise<SlotListView> {
    return this.slots.list(message);
  }
}
