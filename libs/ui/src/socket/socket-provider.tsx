import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Socket } from 'socket.io-client';
import type { ApiClient } from '../api/api-client';
import type { TokenStore } from '../api/token-store';
import { useSession } from '../auth/session-context';
import { useLatest } from '../hooks/use-latest';
import { createSocket } from './socket-client';

/** What the realtime connection is doing, as people are told: see `connectionLabel`. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface Realtime {
  /** The signed-in user's one socket; null for a visitor. */
  socket: Socket | null;
  status: ConnectionStatus;
}

const VISITOR: Realtime = { socket: null, status: 'offline' };

const RealtimeContext = createContext<Realtime>(VISITOR);

/**
 * Waits before each new handshake after the server refused one. The first refusal is usually an
 * access token that expired: it is renewed and the socket connects again at once.
 */
const REFUSED_RETRY_MS = [0, 2_000, 5_000, 15_000, 30_000];

/**
 * After a password change ended the socket's session: how long to wait for this app to store the
 * new session (when it is the one that changed the password, the answer may arrive just after the
 * socket closed), and how often to look.
 */
const NEW_SESSION_WAIT_MS = 5_000;
const NEW_SESSION_POLL_MS = 200;

export interface SocketProviderProps {
  api: ApiClient;
  store: TokenStore;
  children: ReactNode;
}

/**
 * One socket per signed-in session, opened at sign-in and closed at sign-out. Each handshake sends
 * the current access token; a refused handshake renews the session (as a 401 does for the API
 * client) and connects again with the fresh token. Network drops are retried by Socket.IO itself.
 */
export function SocketProvider({ api, store, children }: SocketProviderProps) {
  const { user, logout } = useSession();
  const userId = user?.id;
  const signOut = useLatest(logout);
  const [realtime, setRealtime] = useState<Realtime>(VISITOR);

  useEffect(() => {
    if (!userId) {
      setRealtime(VISITOR);
      return undefined;
    }
    let sentToken: string | null = null;
    let refusals = 0;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const socket = createSocket(() => (sentToken = store.getAccessToken()));
    const show = (status: ConnectionStatus) => setRealtime({ socket, status });
    const offlineOr = (status: ConnectionStatus) => show(navigator.onLine ? status : 'offline');

    socket.on('connect', () => {
      refusals = 0;
      show('connected');
    });
    // An admin suspended the account: the server closes the socket and refuses the tokens, so the
    // session is over (signing in again says why).
    socket.on('account:suspended', () => void signOut.current());
    // A password change ended the session this socket was opened with, and the server closes it.
    // The app that changed the password stores a newer token and reconnects with it; in any other
    // the handshake is refused and the renewal fails (the old refresh token was revoked), which
    // signs it out.
    let endedToken: string | null | undefined;
    socket.on('session:ended', () => {
      endedToken = sentToken;
    });
    const reconnectWithNewSession = (since: number) => {
      if (closed) return;
      const waited = Date.now() - since;
      if (store.getAccessToken() !== endedToken || waited >= NEW_SESSION_WAIT_MS) {
        endedToken = undefined;
        socket.connect();
        return;
      }
      retry = setTimeout(() => reconnectWithNewSession(since), NEW_SESSION_POLL_MS);
    };
    socket.on('disconnect', (reason) => {
      if (endedToken !== undefined && reason === 'io server disconnect') {
        show('reconnecting');
        clearTimeout(retry);
        return reconnectWithNewSession(Date.now());
      }
      // Socket.IO reconnects by itself unless the client closed the socket.
      offlineOr(socket.active ? 'reconnecting' : 'offline');
    });
    socket.on('connect_error', () => {
      if (socket.active) return offlineOr('reconnecting');
      // The server refused the handshake, and Socket.IO does not retry that on its own.
      const delay = REFUSED_RETRY_MS[Math.min(refusals, REFUSED_RETRY_MS.length - 1)];
      refusals += 1;
      offlineOr(refusals > 2 ? 'offline' : 'reconnecting');
      clearTimeout(retry);
      retry = setTimeout(() => {
        api
          .renewSession(sentToken)
          // An outage of the auth service: try the handshake again anyway, later and later.
          .catch(() => true)
          // false: the session is over; signing out closes this socket.
          .then((renewed) => renewed && !closed && socket.connect());
      }, delay);
    });

    const wentOffline = () => show('offline');
    const cameOnline = () => {
      if (socket.connected) return show('connected');
      show('reconnecting');
      if (!socket.active) socket.connect();
    };
    window.addEventListener('offline', wentOffline);
    window.addEventListener('online', cameOnline);

    show('connecting');
    socket.connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      window.removeEventListener('offline', wentOffline);
      window.removeEventListener('online', cameOnline);
      socket.off();
      socket.disconnect();
    };
  }, [api, store, userId]);

  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

/** The session's socket (null for a visitor) and its connection status. */
export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}

/** Calls `listener` for each `event` the session's socket receives, for as long as the component is mounted. */
export function useSocketEvent<T>(event: string, listener: (payload: T) => void): void {
  const { socket } = useRealtime();
  const latest = useLatest(listener);
  useEffect(() => {
    if (!socket) return undefined;
    const handle = (payload: T) => latest.current(payload);
    socket.on(event, handle);
    return () => {
      socket.off(event, handle);
    };
  }, [socket, event]);
}

/**
 * Calls `listener` each time the socket is connected again after a drop: live events are sent at
 * most once, so what was missed meanwhile has to be asked for (the inbox, the room list).
 */
export function useReconnected(listener: () => void): void {
  const { status } = useRealtime();
  const latest = useLatest(listener);
  const wasConnected = useRef(false);
  useEffect(() => {
    if (status !== 'connected') return;
    if (wasConnected.current) latest.current();
    wasConnected.current = true;
  }, [status]);
}
