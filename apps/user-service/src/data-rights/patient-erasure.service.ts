import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ERASED_PATIENT_NAME,
  UserEventTypes,
  erasedEmailOf,
  type UserErasedPayload,
} from '@arogyam/contracts';
import { PasswordHasher } from '@arogyam/auth';
import { createEvent } from '@arogyam/messaging';
import { AuditTrail, InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { Account } from '../accounts/account.schema';
import { AccountRepository } from '../accounts/account.repository';
import { RefreshTokensService } from '../sessions/refresh-tokens.service';

/** Never a real hash: no password verifies against it, and the account has no email to sign in with. */
const NO_PASSWORD = 'erased';

/**
 * A patient deletes their own account. The account keeps its id (doctors' notes and prescriptions
 * refer to it) and loses everything personal at once; `user.erased`, parked in the same write,
 * tells every other service to erase or anonymise what it holds, and the audit entry beside it
 * records the erasure in the trail.
 */
@Injectable()
export class PatientErasureService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokensService,
    private readonly audit: AuditTrail,
    @InjectOutboxRelay(Account.name) private readonly relay: OutboxRelay<Account>,
  ) {}

  /**
   * The checks an erasure starts with, asked before anything else changes (the gateway then ends
   * the patient's bookings): a patient's own account and its current password.
   */
  async checkPassword(userId: string, password: string): Promise<Account> {
    const account = await this.accounts.findById(userId);
    if (!account || account.status === 'erased')
      throw DomainError.unauthorized('This account no longer exists.');
    if (account.role !== 'patient')
      throw DomainError.conflict(
        'Only an administrator can delete this account; please ask one.',
        'ask_an_admin',
      );
    // 403, not 401: clients take a 401 for an ended session and would sign the person out.
    if (!(await this.hasher.verify(account.passwordHash, password)))
      throw DomainError.forbidden('Your password is not right.', 'wrong_password');
    return account;
  }

  /** Erases the account (after checking the password again) and ends every session it has. */
  async erase(userId: string, password: string): Promise<void> {
    await this.checkPassword(userId, password);
    const payload: UserErasedPayload = { userId, role: 'patient', erasedAt: new Date().toISOString() };
    const events = [
      createEvent(UserEventTypes.erased, payload),
      ...this.audit.eventsFor({
        actor: { userId, role: 'patient' },
        patientId: userId,
        kind: 'patient_account',
        resourceId: userId,
        action: 'delete',
        outcome: 'allowed',
      }),
    ];
    await this.accounts.erase(
      userId,
      { email: erasedEmailOf(userId), fullName: ERASED_PATIENT_NAME, passwordHash: NO_PASSWORD },
      events,
    );
    await this.refreshTokens.revokeAllOf(userId);
    // Published before the answer: gateways drop the account's cached status and close its sockets.
    await this.relay.flush(userId);
  }
}
