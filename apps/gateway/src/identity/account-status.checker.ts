import { Injectable } from '@nestjs/common';
import { UserSubjects, type AccountStatusAnswer } from '@arogyam/contracts';
import type { AccountStatusChecker } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';

/** Asks user-service on every authenticated request: suspension bites on the very next request. */
@Injectable()
export class UserServiceAccountStatusChecker implements AccountStatusChecker {
  constructor(private readonly services: ServiceClient) {}

  check(userId: string): Promise<AccountStatusAnswer> {
    return this.services.send<AccountStatusAnswer>(UserSubjects.accountStatus, { userId });
  }
}
