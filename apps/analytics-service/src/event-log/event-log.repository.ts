import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { LoggedEvent, LoggedEventSchema } from './logged-event.schema';

// The replay reads the log in the order things happened (`inOrder`).
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

  /** Every logged event, oldest first, a batch at a time. */
  async *inOrder(batchSize = 500): AsyncGenerator<LoggedEvent[]> {
    let after: { occurredAt: Date; _id: string } | undefined;
    for (;;) {
      const filter = after
        ? {
            $or: [
              { occurredAt: { $gt: after.occurredAt } },
              { occurredAt: after.occurredAt, _id: { $gt: after._id } },
            ],
          }
        : {};
      const batch = await this.log
        .find(filter)
        .sort({ occurredAt: 1, _id: 1 })
        .limit(batchSize)
        .lean<LoggedEvent[]>()
        .exec();
      if (batch.length === 0) return;
      yield batch;
      const last = batch[batch.length - 1];
      after = { occurredAt: last.occurredAt, _id: last._id };
    }
  }
}
