import { Injectable } from '@nestjs/common';
import type { ChatMessageView } from '@arogyam/contracts';

/** How long after a catch-up a late live copy of a message it delivered is still dropped. */
export const CATCH_UP_GRACE_MS = 10_000;

/** One socket's catch-up on one room: live messages held while it runs, then the ids it delivered. */
interface CatchUpState {
  held?: ChatMessageView[];
  delivered?: Set<string>;
}

export interface CatchUp {
  /** What the socket missed, oldest first and each once: `history` (newer than its `after`) and what was held meanwhile. */
  finish(history: ChatMessageView[]): ChatMessageView[];
  abandon(): void;
}

const byId = (a: ChatMessageView, b: ChatMessageView): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The catch-ups of sockets reconnecting with `chat:join {after}`. Such a socket joins the room
 * before its missed messages are read, so nothing published meanwhile is lost. What arrives live
 * during the read is held and goes into the join ack instead; and a live copy that arrives after
 * the ack of a message the ack already carried (stored just before the read, its realtime event
 * still on the way) is dropped for that socket. So a reconnecting client gets each message once.
 */
@Injectable()
export class LiveHolds {
  /** By room id, then by socket id. */
  private readonly rooms = new Map<string, Map<string, CatchUpState>>();

  begin(roomId: string, socketId: string): CatchUp {
    let sockets = this.rooms.get(roomId);
    if (!sockets) this.rooms.set(roomId, (sockets = new Map()));
    const state: CatchUpState = { held: [] };
    sockets.set(socketId, state);
    const end = (): void => {
      if (sockets.get(socketId) === state) sockets.delete(socketId);
      if (sockets.size === 0 && this.rooms.get(roomId) === sockets) this.rooms.delete(roomId);
    };
    return {
      finish: (history) => {
        const missed = new Map([...history, ...(state.held ?? [])].map((message) => [message.id, message]));
        state.held = undefined;
        state.delivered = new Set(missed.keys());
        setTimeout(end, CATCH_UP_GRACE_MS).unref();
        return [...missed.values()].sort(byId);
      },
      abandon: end,
    };
  }

  /**
   * Takes a live message for the sockets that must not get it now: those catching up on its room
   * (it is held for their ack) and those whose ack already carried it. Answers their socket ids.
   */
  offer(message: ChatMessageView): string[] {
    const sockets = this.rooms.get(message.roomId);
    if (!sockets) return [];
    const skip: string[] = [];
    for (const [socketId, state] of sockets) {
      if (state.held) state.held.push(message);
      else if (!state.delivered?.has(message.id)) continue;
      skip.push(socketId);
    }
    return skip;
  }
}
