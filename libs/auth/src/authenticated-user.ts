import type { UserRole } from '@arogyam/contracts';

/** `request.user` after the JWT guard: who is calling, as the owning services need it. */
export interface AuthenticatedUser {
  userId: string;
  role: UserRole;
  email: string;
}
