import type { Actor } from '@arogyam/contracts';
import type { AuthenticatedUser } from '@arogyam/auth';

export const actorOf = (user: AuthenticatedUser): Actor => ({ userId: user.userId, role: user.role });
