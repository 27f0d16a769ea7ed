import type { AccountView, UserView } from '@arogyam/contracts';
import type { Account } from './account.schema';

export const toUserView = (account: Account): UserView => ({
  id: account._id,
  role: account.role,
  email: account.email,
  fullName: account.fullName,
  ...(account.privacyNotice && {
    privacyNotice: {
      version: account.privacyNotice.version,
      acceptedAt: new Date(account.privacyNotice.acceptedAt).toISOString(),
    },
  }),
});

export const toAccountView = (account: Account): AccountView => ({
  ...toUserView(account),
  status: account.status,
  createdAt: new Date(account.createdAt).toISOString(),
});
