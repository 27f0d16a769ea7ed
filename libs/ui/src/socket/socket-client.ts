import { io, type Socket } from 'socket.io-client';

export interface SocketOptions {
  /** Defaults to the page's origin, where the gateway (or the dev proxy) serves /socket.io. */
  url?: string;
  /** Handshake failures, e.g. an expired token, as a message the app can show. */
  onConnectError?: (message: string) => void;
}

/**
 * Creates the realtime connection without opening it; call `socket.connect()` when a feature needs it.
 * The token is read on every (re)connect, so a session renewed by the API client is picked up.
 */
export function createSocket(getToken: () => string | null, options: SocketOptions = {}): Socket {
  const socketOptions = {
    path: '/socket.io',
    autoConnect: false,
    // Its own connection, never one shared with an earlier socket of the page (a previous session's).
    forceNew: true,
    auth: (callback: (data: { token: string | null }) => void) => callback({ token: getToken() }),
  };
  const socket = options.url ? io(options.url, socketOptions) : io(socketOptions);
  socket.on('connect_error', (error: Error) => options.onConnectError?.(error.message));
  return socket;
}
