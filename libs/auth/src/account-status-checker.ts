import type { AccountStatusAnswer } from '@arogyam/contracts';

/**
 * Asked on every authenticated request, so a suspension takes effect on the user's next request:
 * access tokens are not trusted for account state. An implementation may keep answers while it
 * hears of every change (the gateway's does); `fresh` asks the source itself.
 */
export interface AccountStatusChecker {
  check(userId: string, options?: { fresh?: boolean }): Promise<AccountStatusAnswer>;
}

export const ACCOUNT_STATUS_CHECKER = Symbol('ACCOUNT_STATUS_CHECKER');
export const JWT_SECRET = Symbol('JWT_SECRET');
