import { Injectable, Logger } from '@nestjs/common';
import { VERIFICATION_DECISIONS, type DoctorVerifiedPayload, type EventEnvelope } from '@arogyam/contracts';
import { EmailSender } from '../channels/email/email-sender';
import { AppLinks } from '../messages/app-links';
import { verificationDecisionEmail } from '../messages/verification-message';
import { PreferencesService } from '../preferences/preferences.service';
import { ContactDirectory } from '../recipients/contact-directory';

const isDecision = (payload: unknown): payload is DoctorVerifiedPayload => {
  const decided = payload as Partial<DoctorVerifiedPayload> | null;
  return Boolean(decided?.doctorId && decided.decision && VERIFICATION_DECISIONS.includes(decided.decision));
};

/**
 * `doctor.verified`: the doctor is emailed the decision and its reason (in their account's language), whatever their
 * preferences (it is about their account, like a password reset, and they are waiting for it);
 * the doctor app shows the same on its dashboard, so there is no inbox entry. A redelivered
 * event may send it twice (the same words, the same id).
 */
@Injectable()
export class VerificationNotices {
  private readonly logger = new Logger(VerificationNotices.name);

  constructor(
    private readonly email: EmailSender,
    private readonly contacts: ContactDirectory,
    private readonly links: AppLinks,
    private readonly preferences: PreferencesService,
  ) {}

  async decided(event: EventEnvelope): Promise<void> {
    if (!isDecision(event.payload)) {
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a verification decision`);
      return;
    }
    const { doctorId, decision, note } = event.payload;
    const contact = await this.contacts.contactOf({ userId: doctorId, role: 'doctor' });
    if (!contact.email) {
      this.logger.warn(`No email for doctor ${doctorId}: verification decision ${event.id} not emailed`);
      return;
    }
    await this.email.send({
      id: `${event.id}:email`,
      to: contact.email,
      ...verificationDecisionEmail(
        {
          fullName: contact.fullName ?? '',
          decision,
          ...(note ? { note } : {}),
          link: `${this.links.base('doctor')}/`,
        },
        await this.preferences.languageOf(doctorId),
      ),
    });
  }
}
