import type { AccountStatusAnswer } from '@arogyam/contracts';

/**
 * Asked on every authenticated request, so a suspension takes effect on the user's very next
 * request: access tokens are not trusted for account state.
 */
export interface AccountStatusChecker {
  check(userId: string): Promise<AccountStatusAnswer>;
}

export const ACCOUNT_STATUS_CHECKER = Symbol('ACCOUNT_STATUS_CHECKER');
export const JWT_SECRET = Symbol('JWT_SECRET');
