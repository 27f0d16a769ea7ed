import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  clinicalAccessedType,
  type AuditedService,
  type ClinicalAccess,
  type ClinicalAccessedEvent,
  type ClinicalAccessedPayload,
} from '@arogyam/contracts';
import { failureSummary, createEvent } from '@arogyam/messaging';
import { currentRequestChannel } from '@arogyam/service-kit';
import { AuditOutboxRelay } from './audit-outbox.relay';

export const AUDITED_SERVICE = 'AuditedService';

/**
 * Records who reached which patient's clinical data, as the owning service decided it: kind and id,
 * never content, with the channel the request came by. The events are parked in this service's
 * `auditOutbox` before the data is answered, then published to audit-service over JetStream.
 *
 * It fails closed: if the access cannot be recorded, `record` rejects (503) and the caller answers
 * nothing, because health data read without a trace is what the trail exists to prevent.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('AuditTrail');

  constructor(
    @Inject(AUDITED_SERVICE) private readonly service: AuditedService,
    private readonly relay: AuditOutboxRelay,
  ) {}

  /**
   * The events of these accesses, for a write to park in its own document's outbox beside its
   * other events: the change and its trace are then one single-document write.
   */
  eventsFor(...accesses: ClinicalAccess[]): ClinicalAccessedEvent[] {
    const { subject = 'unknown', route, gatewayInstance, clientAddress } = currentRequestChannel();
    const channel = { subject, route, gatewayInstance, clientAddress };
    return accesses.map((access) =>
      createEvent<string, ClinicalAccessedPayload>(clinicalAccessedType(this.service), {
        ...access,
        actor: { userId: access.actor.userId, role: access.actor.role },
        channel,
      }),
    );
  }

  /** Parks the accesses' events in `auditOutbox` before the caller answers (a read, a refusal). */
  async record(...accesses: ClinicalAccess[]): Promise<void> {
    if (accesses.length === 0) return;
    const events = this.eventsFor(...accesses);
    let id: string;
    try {
      id = await this.relay.park(events);
    } catch (error) {
      this.logger.error(`Could not record ${events.length} audit event(s): ${failureSummary(error)}`);
      throw new DomainError(503, 'This record cannot be opened right now; please try again shortly.');
    }
    void this.relay.publish(id, events);
  }

  /** Records a refusal, then throws it: a denied attempt is in the trail like an allowed one. */
  async deny(access: Omit<ClinicalAccess, 'outcome'>, refusal: Error): Promise<never> {
    await this.record({ ...access, outcome: 'denied' });
    throw refusal;
  }
}
