import { DomainError } from '../errors/domain-error';
import type { UserRole } from '../identity/user-view';
import type { Actor } from './actor';

/**
 * The owning service's own check that the caller may use a role's subject: the gateway's guard is
 * not the only way onto NATS, so a service does not trust it for its data.
 */
export function requireRole(actor: Actor, role: UserRole): void {
  if (actor.role !== role) throw DomainError.forbidden(`Only ${role} accounts may do this.`);
}
