import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { insertEachOnce, ORDERED_PUSHDOWN } from '@arogyam/persistence';
import { LoggedEvent, LoggedEventSchema } from './logged-event.schema';

// The replay reads the whole log in the order things happened (`inOrder`).
LoggedEventSchema.index({ occurredAt: 1, _id: 1 });

export const loggedEventModel: ModelDefinition = { name: LoggedEvent.name, schema: LoggedEventSchema };

/** Every read and write of `analyticsEventLog`: appends and the replay's walk; nothing updates or deletes. */
@Injectable()
export class EventLogRepository {
  constructor(@InjectModel(LoggedEvent.name) private readonly log: Model<LoggedEvent>) {}

  /** Stores the event unless it is stored already (a redelivery, or a second instance's copy). */
  async append(event: LoggedEvent): Promise<void> {
    try {
      await this.log.create(event);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Stores each event unless it is stored already, in one write for all. */
  async appendEach(events: LoggedEvent[]): Promise<void> {
    await insertEachOnce(this.log, events);
  }

  /**
   * Every logged event, oldest first, a batch at a time: one walk of the log (a replay reads it
   * all), in the `{occurredAt, _id}` index's order (asked of PostgreSQL whole: ordered pushdown).
   */
  async *inOrder(batchSize = 500): AsyncGenerator<LoggedEvent[]> {
    const cursor = this.log
      .find({})
      .sort({ occurredAt: 1, _id: 1 })
      .comment(ORDERED_PUSHDOWN)
      .lean<LoggedEvent[]>()
      .cursor({ batchSize });
    let batch: LoggedEvent[] = [];
    for await (const event of cursor) {
      batch.push(event as LoggedEvent);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}
