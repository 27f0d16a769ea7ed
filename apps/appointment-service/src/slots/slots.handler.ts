import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppointmentSubjects,
  NextFreeSlotsMessage,
  SlotListMessage,
  type NextFreeSlotsView,
  type SlotListView,
} from '@arogyam/contracts';
import { NextFreeSlotsService } from './next-free-slots.service';
import { SlotsService } from './slots.service';

@Controller()
export class SlotsHandler {
  constructor(
    private readonly slots: SlotsService,
    private readonly nextFree: NextFreeSlotsService,
  ) {}

  @MessagePattern(AppointmentSubjects.listSlots)
  list(@Payload() message: SlotListMessage): Promise<SlotListView> {
    return this.slots.list(message);
  }

  @MessagePattern(AppointmentSubjects.nextFreeSlots)
  nextFreeSlots(@Payload() message: NextFreeSlotsMessage): Promise<NextFreeSlotsView> {
    return this.nextFree.find(message);
  }
}
