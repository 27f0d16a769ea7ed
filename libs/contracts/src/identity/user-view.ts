import type { PrivacyNoticeAcceptance } from '../privacy/privacy-notice';

export const USER_ROLES = ['patient', 'doctor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** `erased`: the patient deleted the account; it holds nothing personal and never signs in again. */
export const ACCOUNT_STATUSES = ['active', 'suspended', 'erased'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** The `user` of API.md's identity answers. */
export interface UserView {
  id: string;
  role: UserRole;
  email: string;
  fullName: string;
  /** The privacy notice version the person accepted and when (absent on accounts from before consent was recorded, and admins). */
  privacyNotice?: PrivacyNoticeAcceptance;
}

/** What admins see of an account. */
export interface AccountView extends UserView {
  status: AccountStatus;
  createdAt: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface AuthResult extends TokenPair {
  user: UserView;
}

/** The access token's claims: short-lived, checked against the account on every request. */
export interface AccessTokenClaims {
  sub: string;
  role: UserRole;
  email: string;
  /** The account's token version when issued (AccountStatusAnswer.tokenVersion). */
  ver: number;
}
