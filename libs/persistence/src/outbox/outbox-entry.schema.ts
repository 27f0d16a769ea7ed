import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventEnvelope } from '@arogyam/contracts';

/**
 * An event waiting to be published, kept inside the document whose write produced it: the
 * write and its event are one atomic single-document update (no transactions needed).
 */
@Schema({ _id: false, versionKey: false })
export class OutboxEntry {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  type: string;

  @Prop({ required: true })
  version: number;

  @Prop({ required: true })
  occurredAt: string;

  @Prop({ type: Object, required: true })
  payload: Record<string, unknown>;
}

export const OutboxEntrySchema = SchemaFactory.createForClass(OutboxEntry);

export const toOutboxEntry = (event: EventEnvelope): OutboxEntry => ({
  id: event.id,
  type: event.type,
  version: event.version,
  occurredAt: event.occurredAt,
  payload: event.payload as Record<string, unknown>,
});

/** The mongoose update that appends events to a document's outbox in the same write. */
export const pushToOutbox = (
  ...events: EventEnvelope[]
): { $push: { outbox: { $each: OutboxEntry[] } } } => ({
  $push: { outbox: { $each: events.map(toOutboxEntry) } },
});
