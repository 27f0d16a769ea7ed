import { Injectable, Logger } from '@nestjs/common';
import type {
  EventEnvelope,
  PatientPhoneChangedPayload,
  ProfileRenamedPayload,
  UserRegisteredPayload,
} from '@arogyam/contracts';
import { occurredAt } from '../events/event-time';
import type { ContactCopy } from './contact-copy.schema';
import { ContactCopyRepository, type ContactFieldChange } from './contact-copy.repository';

type Role = NonNullable<ContactCopy['role']>;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isPerson = (role: unknown): role is Role => role === 'doctor' || role === 'patient';

/**
 * The events that say who a person is and where to reach them, kept as notification-service's
 * copy (contact-copy.schema.ts): `user.registered` (name, email, and a patient's phone as
 * registered), `doctor.renamed` / `patient.renamed`, `patient.phone-changed`. Each field is
 * ordered by its event's time. An event that is not what it says is logged by id (never its
 * content: it holds an email or a number) and acked.
 */
@Injectable()
export class ContactEvents {
  private readonly logger = new Logger(ContactEvents.name);

  constructor(private readonly contacts: ContactCopyRepository) {}

  async registered(event: EventEnvelope): Promise<void> {
    const at = occurredAt(event);
    const payload = event.payload as Partial<UserRegisteredPayload> | null;
    if (payload?.role === 'admin') return; // admins get no notices of their own
    if (!at || !isText(payload?.userId) || !isPerson(payload.role) || !isText(payload.email)) {
      return this.ignore(event);
    }
    const { userId, role } = payload;
    const changes: ContactFieldChange[] = [{ userId, role, field: 'email', value: payload.email, at }];
    if (isText(payload.fullName))
      changes.push({ userId, role, field: 'fullName', value: payload.fullName.trim(), at });
    if (role === 'patient') {
      // The profile is created from this event (or the same form), so its number is this one.
      const phone = payload.profile?.phone;
      changes.push({ userId, role, field: 'phone', value: isText(phone) ? phone.trim() : null, at });
    }
    await this.contacts.setFields(changes);
  }

  renamed(role: Role) {
    return async (event: EventEnvelope): Promise<void> => {
      const at = occurredAt(event);
      const payload = event.payload as Partial<ProfileRenamedPayload> | null;
      if (!at || !isText(payload?.userId) || !isText(payload.fullName)) return this.ignore(event);
      await this.contacts.setFields([
        { userId: payload.userId, role, field: 'fullName', value: payload.fullName.trim(), at },
      ]);
    };
  }

  async phoneChanged(event: EventEnvelope): Promise<void> {
    const at = occurredAt(event);
    const payload = event.payload as Partial<PatientPhoneChangedPayload> | null;
    const phone = payload?.phone;
    if (!at || !isText(payload?.userId) || !(phone === null || isText(phone))) return this.ignore(event);
    await this.contacts.setFields([
      { userId: payload.userId, role: 'patient', field: 'phone', value: phone?.trim() ?? null, at },
    ]);
  }

  private ignore(event: EventEnvelope): void {
    this.logger.error(`Ignoring ${event.type} ${event.id}: not a contact of a doctor or patient`);
  }
}
