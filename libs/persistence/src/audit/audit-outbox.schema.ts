import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ModelDefinition } from '@nestjs/mongoose';
import { OutboxEntry, OutboxEntrySchema } from '../outbox/outbox-entry.schema';

/**
 * The audit events of one request, waiting to be published (`auditOutbox`, in each audited
 * service's own database). A read writes nothing else, so its events need a document of their
 * own; it is deleted once JetStream acknowledged them, so the collection holds only what is pending.
 */
@Schema({ collection: 'auditOutbox', versionKey: false })
export class AuditOutbox {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: [OutboxEntrySchema], required: true })
  outbox: OutboxEntry[];

  @Prop({ type: Date, required: true })
  parkedAt: Date;
}

export const AuditOutboxSchema = SchemaFactory.createForClass(AuditOutbox);

export const auditOutboxModel: ModelDefinition = { name: AuditOutbox.name, schema: AuditOutboxSchema };
