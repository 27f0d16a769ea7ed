import type { ChatMessageView } from '../api/types';

/** One of the user's own messages that the server has not stored yet, or refused. */
export interface OutgoingMessage {
  /** The sender's own id for it: a retry sends the same one, so the server never stores a copy. */
  clientId: string;
  body: string;
  state: 'sending' | 'failed';
  /** Why it was not sent, when it failed. */
  error?: string;
}

export interface ConversationState {
  /** Stored messages, oldest first, each once. */
  messages: ChatMessageView[];
  /** Whether the server has messages older than the first one here ("Load earlier messages"). */
  hasMore: boolean;
  /** The user's own messages on their way, in the order written. */
  outgoing: OutgoingMessage[];
  /** The other member's read pointer, as far as it was seen move: everything up to it is read. */
  otherReadId?: string;
}

export type ConversationAction =
  /** A page of history (the REST answer, newest first). */
  | { type: 'page'; items: ChatMessageView[]; hasMore: boolean }
  /** Stored messages from anywhere: a live `chat:message`, a send's ack, a rejoin's `missed`. */
  | { type: 'received'; messages: ChatMessageView[] }
  /**
   * A rejoin whose `missed` left older messages out (`gap`): only the missed ones are certain to be
   * contiguous, so they replace the list and the rest is paged back in with "Load earlier messages".
   */
  | { type: 'gap'; missed: ChatMessageView[] }
  | { type: 'sending'; clientId: string; body: string }
  | { type: 'failed'; clientId: string; error: string }
  | { type: 'other-read'; messageId: string };

export const EMPTY_CONVERSATION: ConversationState = { messages: [], hasMore: false, outgoing: [] };

/** Message ids sort by creation (docs/api.md, "Chat"). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The union of two lists of stored messages, oldest first, each id once. */
export function mergeMessages(
  current: readonly ChatMessageView[],
  incoming: readonly ChatMessageView[],
): ChatMessageView[] {
  if (incoming.length === 0) return [...current];
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

/** Outgoing messages the server has now stored (same clientId) leave the outgoing list. */
function settle(outgoing: OutgoingMessage[], stored: readonly ChatMessageView[]): OutgoingMessage[] {
  const storedClientIds = new Set(stored.map((message) => message.clientId).filter(Boolean));
  if (storedClientIds.size === 0) return outgoing;
  return outgoing.filter((message) => !storedClientIds.has(message.clientId));
}

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'page': {
      const oldestHere = state.messages[0]?.id;
      const oldestInPage = action.items.at(-1)?.id;
      // Only a page reaching at least as far back as the list says whether anything older exists.
      const reachesBack = !oldestHere || (oldestInPage !== undefined && oldestInPage <= oldestHere);
      return {
        ...state,
        messages: mergeMessages(state.messages, action.items),
        hasMore: reachesBack ? action.hasMore : state.hasMore,
        outgoing: settle(state.outgoing, action.items),
      };
    }
    case 'received':
      return {
        ...state,
        messages: mergeMessages(state.messages, action.messages),
        outgoing: settle(state.outgoing, action.messages),
      };
    case 'gap':
      return {
        ...state,
        messages: mergeMessages([], action.missed),
        hasMore: true,
        outgoing: settle(state.outgoing, action.missed),
      };
    case 'sending': {
      const sending: OutgoingMessage = { clientId: action.clientId, body: action.body, state: 'sending' };
      // A retry keeps its place among the outgoing messages.
      const retried = state.outgoing.some((message) => message.clientId === action.clientId);
      return {
        ...state,
        outgoing: retried
          ? state.outgoing.map((message) => (message.clientId === action.clientId ? sending : message))
          : [...state.outgoing, sending],
      };
    }
    case 'failed':
      return {
        ...state,
        outgoing: state.outgoing.map((message) =>
          message.clientId === action.clientId
            ? { ...message, state: 'failed', error: action.error }
            : message,
        ),
      };
    case 'other-read':
      // The pointer never moves back.
      return state.otherReadId && state.otherReadId >= action.messageId
        ? state
        : { ...state, otherReadId: action.messageId };
  }
}
