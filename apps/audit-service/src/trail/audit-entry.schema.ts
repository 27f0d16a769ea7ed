import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  AUDIT_RESOURCE_KINDS,
  USER_ROLES,
  type AuditAction,
  type AuditOutcome,
  type AuditResourceKind,
  type UserRole,
} from '@arogyam/contracts';

/**
 * One access to clinical data (`auditEvents`), appended once and never changed: its `_id` is the
 * event id, its place is `position` in its `chain` (the emitting service), and `hash` covers its
 * fields and `prevHash`, the hash of the entry before it (audit-chain.ts).
 */
@Schema({ collection: 'auditEvents', versionKey: false })
export class AuditEntry {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  chain: string;

  @Prop({ required: true })
  position: number;

  @Prop({ required: true })
  occurredAt: Date;

  @Prop({ required: true })
  actorId: string;

  @Prop({ type: String, required: true, enum: USER_ROLES })
  actorRole: UserRole;

  /** '' when a denied caller named nothing that exists (a string either way keeps one BSON type). */
  @Prop({ type: String, default: '' })
  patientId: string;

  /** The patient reading her own data: kept out of her "who viewed my records". */
  @Prop({ required: true })
  byPatient: boolean;

  @Prop({ type: String, required: true, enum: AUDIT_RESOURCE_KINDS })
  kind: AuditResourceKind;

  @Prop({ required: true })
  resourceId: string;

  @Prop({ type: String, required: true, enum: AUDIT_ACTIONS })
  action: AuditAction;

  @Prop({ type: String, required: true, enum: AUDIT_OUTCOMES })
  outcome: AuditOutcome;

  @Prop({ required: true })
  subject: string;

  @Prop()
  route?: string;

  @Prop()
  gatewayInstance?: string;

  @Prop()
  clientAddress?: string;

  @Prop({ required: true })
  prevHash: string;

  @Prop({ required: true })
  hash: string;

  /** When audit-service stored it (bookkeeping, outside the hash). */
  @Prop({ required: true })
  recordedAt: Date;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntry);
