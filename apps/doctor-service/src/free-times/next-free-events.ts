import { Injectable } from '@nestjs/common';
import {
  DoctorAvailabilityEventTypes,
  type DoctorNextFreeChangedPayload,
  type EventEnvelope,
} from '@arogyam/contracts';
import type { EventHandler } from '@arogyam/messaging';
import type { OtherEventHandlers } from '@arogyam/persistence';
import { NextFreeTimesService } from './next-free-times.service';

const isPayload = (payload: unknown): payload is DoctorNextFreeChangedPayload => {
  const { doctorId, nextFreeAt, computedAt } = (payload ?? {}) as Partial<DoctorNextFreeChangedPayload>;
  return (
    typeof doctorId === 'string' &&
    (nextFreeAt === null || (typeof nextFreeAt === 'string' && !Number.isNaN(Date.parse(nextFreeAt)))) &&
    typeof computedAt === 'string' &&
    !Number.isNaN(Date.parse(computedAt))
  );
};

/**
 * `evt.appointment.next_free_changed`, on its own durable consumer of doctor-service (beside the
 * account events', account-status/): each event stores the doctor's first free slot. A malformed event is
 * dropped with nothing stored (retrying cannot mend it); a failed write is retried by the consumer.
 */
@Injectable()
export class NextFreeEvents implements OtherEventHandlers {
  constructor(private readonly freeTimes: NextFreeTimesService) {}

  handlers(): Record<string, EventHandler> {
    return { [DoctorAvailabilityEventTypes.nextFreeChanged]: (event) => this.handle(event) };
  }

  private async handle(event: EventEnvelope): Promise<void> {
    if (!isPayload(event.payload)) return;
    const { doctorId, nextFreeAt, computedAt } = event.payload;
    await this.freeTimes.record(doctorId, nextFreeAt ? new Date(nextFreeAt) : null, new Date(computedAt));
  }
}
