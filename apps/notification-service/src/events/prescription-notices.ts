import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope, PrescriptionIssuedPayload } from '@arogyam/contracts';
import { AppLinks } from '../messages/app-links';
import { NotificationDispatcher } from '../channels/notification-dispatcher';
import { Clock } from '../clock/clock';
import { prescriptionIssuedMessage } from '../messages/prescription-messages';
import { isStale, occurredAt } from './event-time';

const isPrescription = (payload: unknown): payload is PrescriptionIssuedPayload => {
  const prescription = payload as Partial<PrescriptionIssuedPayload> | null;
  return Boolean(
    prescription?.id &&
    prescription.doctor?.fullName &&
    prescription.patient?.id &&
    prescription.patient.fullName &&
    Array.isArray(prescription.items) &&
    prescription.issuedAt,
  );
};

/** `prescription.issued`: the patient is told which doctor issued it (a correction says so). */
@Injectable()
export class PrescriptionNotices {
  private readonly logger = new Logger(PrescriptionNotices.name);

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly clock: Clock,
    private readonly links: AppLinks,
  ) {}

  async issued(event: EventEnvelope): Promise<void> {
    const at = occurredAt(event);
    if (!at || !isPrescription(event.payload)) {
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a prescription event`);
      return;
    }
    if (isStale(at, this.clock.now())) return;
    const prescription = event.payload;
    await this.dispatcher.deliver({
      sourceId: event.id,
      kind: 'prescription',
      recipient: {
        userId: prescription.patient.id,
        role: 'patient',
        fullName: prescription.patient.fullName,
      },
      data: { prescriptionId: prescription.id, appointmentId: prescription.appointmentId },
      compose: (locale) => ({
        ...prescriptionIssuedMessage(prescription, locale),
        link: this.links.appointment('patient', prescription.appointmentId),
      }),
    });
  }
}
