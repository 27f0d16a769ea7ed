import { Injectable, Logger } from '@nestjs/common';
import type { AppointmentCallRecordedPayload, EventEnvelope } from '@arogyam/contracts';
import { AppLinks } from '../messages/app-links';
import { NotificationDispatcher } from '../channels/notification-dispatcher';
import { Clock } from '../clock/clock';
import { missedCallMessage } from '../messages/call-messages';
import { isStale, occurredAt } from './event-time';

const isCallRecord = (payload: unknown): payload is AppointmentCallRecordedPayload => {
  const recorded = payload as Partial<AppointmentCallRecordedPayload> | null;
  return Boolean(
    recorded?.appointmentId &&
    recorded.doctor?.fullName &&
    recorded.patient?.id &&
    recorded.patient.fullName &&
    recorded.call?.outcome &&
    recorded.call.ringingAt,
  );
};

/** `appointment.call_recorded`: a missed video call becomes a missed-call notice to the patient. */
@Injectable()
export class CallNotices {
  private readonly logger = new Logger(CallNotices.name);

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly clock: Clock,
    private readonly links: AppLinks,
  ) {}

  async recorded(event: EventEnvelope): Promise<void> {
    const at = occurredAt(event);
    if (!at || !isCallRecord(event.payload)) {
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a call record event`);
      return;
    }
    const recorded = event.payload;
    if (recorded.call.outcome !== 'missed' || isStale(at, this.clock.now())) return;
    await this.dispatcher.deliver({
      sourceId: event.id,
      kind: 'appointment',
      recipient: { userId: recorded.patient.id, role: 'patient', fullName: recorded.patient.fullName },
      data: { appointmentId: recorded.appointmentId },
      compose: (locale) => ({
        ...missedCallMessage(recorded, locale),
        link: this.links.appointment('patient', recorded.appointmentId),
      }),
    });
  }
}
