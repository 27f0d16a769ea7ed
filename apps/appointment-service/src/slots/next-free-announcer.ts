import { Injectable, Logger } from '@nestjs/common';
import { DoctorAvailabilityEventTypes, type DoctorNextFreeChangedPayload } from '@arogyam/contracts';
import { createEvent, EventPublisher, failureSummary } from '@arogyam/messaging';
import { NextFreeSlotsService } from './next-free-slots.service';

/**
 * Tells doctor-service a doctor's first free slot as it is after a change (`evt.appointment.
 * next_free_changed`), so search can filter and sort by it. Published straight to JetStream, not
 * through an outbox: it is derived, recomputed on every change, and doctor-service's sweep asks
 * again for any doctor whose stored time passed; a lost event leaves one doctor's time stale until
 * then or until their next change. `computedAt` is taken before the reads, so of two computations
 * the later-stamped saw every change the earlier did.
 */
@Injectable()
export class NextFreeAnnouncer {
  private readonly logger = new Logger(NextFreeAnnouncer.name);

  constructor(
    private readonly nextFree: NextFreeSlotsService,
    private readonly publisher: EventPublisher,
  ) {}

  /**
   * Fire and forget: the change that caused it is stored and answered regardless. After a booking
   * (`booked`, the slot it took) only when that slot may have been the first free one: taking a
   * later slot leaves the first where it was, so a first free slot found before the booked one
   * means nothing moved (a change that freed an earlier slot meanwhile announces itself).
   */
  announce(doctorId: string, booked?: Date): void {
    void this.publish(doctorId, booked).catch((error: unknown) =>
      this.logger.warn(`next free time of a doctor not announced: ${failureSummary(error)}`),
    );
  }

  private async publish(doctorId: string, booked: Date | undefined): Promise<void> {
    const computedAt = new Date();
    const nextFreeAt = await this.nextFree.firstFree(doctorId, computedAt);
    if (booked && nextFreeAt !== null && Date.parse(nextFreeAt) < booked.getTime()) return;
    const payload: DoctorNextFreeChangedPayload = {
      doctorId,
      nextFreeAt,
      computedAt: computedAt.toISOString(),
    };
    await this.publisher.publish(createEvent(DoctorAvailabilityEventTypes.nextFreeChanged, payload));
  }
}
