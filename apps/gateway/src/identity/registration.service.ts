import { Injectable, Logger } from '@nestjs/common';
import {
  DoctorSubjects,
  PatientSubjects,
  UserSubjects,
  type AccountFieldsDto,
  type AuthResult,
  type RegisterAccountMessage,
} from '@arogyam/contracts';
import { failureSummary } from '@arogyam/messaging';
import { ServiceClient } from '../http/service-client';

const PROFILE_SUBJECT = {
  patient: PatientSubjects.createProfile,
  doctor: DoctorSubjects.createProfile,
} as const;

/**
 * Registration spans two services: user-service creates the account and records
 * `user.registered` (with the profile fields) in the same write; we then create the profile
 * directly so the answer reflects it. If that call fails, the event still creates the
 * profile, so nothing is lost.
 */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);

  constructor(private readonly services: ServiceClient) {}

  async register(role: RegisterAccountMessage['role'], dto: AccountFieldsDto & object): Promise<AuthResult> {
    const { email, password, fullName, privacyNoticeVersion, ...profile } = dto;
    const message: RegisterAccountMessage = {
      email,
      password,
      fullName,
      privacyNoticeVersion,
      role,
      profile,
    };
    const result = await this.services.send<AuthResult>(UserSubjects.register, message);
    try {
      await this.services.send(PROFILE_SUBJECT[role], {
        userId: result.user.id,
        email,
        fullName,
        ...profile,
      });
    } catch (error) {
      this.logger.warn(
        `Profile for ${result.user.id} deferred to the user.registered event: ${failureSummary(error)}`,
      );
    }
    return result;
  }
}
