import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The fields of a person's contact this service copies, each with the time it was set. */
export const CONTACT_FIELDS = ['fullName', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * notification-service's copy of a person's name, email and phone (the preferences document's
 * `contact`), so a notice needs no question to doctor- or patient-service (docs/decisions.md,
 * "Notifications"). Each field keeps when it was set (the event's time): an older change arriving
 * late changes nothing. A field set without a value (`phoneAt` and no `phone`) is known to be
 * absent; one never set is unknown, and the profile service is asked.
 */
@Schema({ _id: false, versionKey: false })
export class ContactCopy {
  @Prop({ type: String, enum: ['doctor', 'patient'] })
  role?: 'doctor' | 'patient';

  @Prop()
  fullName?: string;

  @Prop({ type: Date })
  fullNameAt?: Date;

  @Prop()
  email?: string;

  @Prop({ type: Date })
  emailAt?: Date;

  /** Patients only: doctors are not sent SMS (their profiles hold no number). */
  @Prop()
  phone?: string;

  @Prop({ type: Date })
  phoneAt?: Date;
}

export const ContactCopySchema = SchemaFactory.createForClass(ContactCopy);

/** Whether the copy answers for the person without asking their profile service. */
export function isComplete(
  copy: ContactCopy | undefined,
): copy is ContactCopy & { role: 'doctor' | 'patient' } {
  if (!copy?.role || !copy.emailAt || !copy.fullNameAt) return false;
  return copy.role === 'doctor' || Boolean(copy.phoneAt);
}
