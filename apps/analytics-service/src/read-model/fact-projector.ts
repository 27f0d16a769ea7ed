import { Injectable } from '@nestjs/common';
import type { LoggedEvent } from '../event-log/logged-event.schema';
import { ReadModelRepository } from './read-model.repository';

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
        return this.readModel.consultation(fact, `${occurredAt.toISOString()}|${event._id}`);
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
}
