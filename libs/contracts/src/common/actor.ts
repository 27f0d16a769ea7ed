import type { UserRole } from '../identity/user-view';

/** Who is calling, as the gateway authenticated them; owning services decide access from it. */
export interface Actor {
  userId: string;
  role: UserRole;
}

/** Every RPC that acts for a signed-in user carries the actor next to its own fields. */
export interface ActorMessage<T = Record<string, never>> {
  actor: Actor;
  body: T;
}
