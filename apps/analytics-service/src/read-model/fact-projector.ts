import { Injectable } from '@nestjs/common';
import type { LoggedEvent } from '../event-log/logged-event.schema';
import { ReadModelRepository } from './read-model.repository';

/** An appointment's version as of the event: its time, then its id (ISO instants sort as text). */
const versionOf = (event: LoggedEvent): string => `${new Date(event.occurredAt).toISOString()}|${event._id}`;

/**
 * Applies one logged event to the read model. The same code runs for a live event and for the
 * replay, which is why a rebuild gives the same numbers.
 */
@Injectable()
export class FactProjector {
  constructor(private readonly readModel: ReadModelRepository) {}

  apply(event: LoggedEvent): Promise<void> {
    const { fact } = event;
    const occurredAt = new Date(event.occurredAt);
    switch (fact.kind) {
      case 'consultation':
        return this.readModel.consultation(fact, versionOf(event));
      case 'payment':
        return this.readModel.payment(fact);
      case 'signup':
        return this.readModel.signup(fact, occurredAt);
      case 'review':
        return this.readModel.rating(fact);
      case 'schedule':
        return this.readModel.schedule(fact, event._id, occurredAt);
    }
  }

  /**
   * Applies several logged events, leaving what `apply` of each would: a batch's consultations
   * together (a batch of bookings is one read and one insert), anything else one by one.
   */
  async applyEach(events: LoggedEvent[]): Promise<void> {
    const consultations = events.flatMap((event) =>
      event.fact.kind === 'consultation' ? [{ fact: event.fact, version: versionOf(event) }] : [],
    );
    if (consultations.length > 0) await this.readModel.consultationsEach(consultations);
    for (const event of events) if (event.fact.kind !== 'consultation') await this.apply(event);
  }
}
