import { io, type Socket } from 'socket.io-client';

/**
 * Socket.IO clients for tests: each connects as one signed-in person to one gateway and is
 * tracked, so a spec closes them all in afterAll with `closeAll()`.
 */
export function socketPool() {
  const sockets: Socket[] = [];
  return {
    /** Resolves once the handshake authenticated the token; rejects with the gateway's error. */
    connect(baseUrl: string, token: string): Promise<Socket> {
      const socket = io(baseUrl, {
        path: '/socket.io',
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    },
    closeAll(): void {
      for (const socket of sockets) socket.disconnect();
    },
  };
}

/** Emits and waits for the acknowledgement (5 s). */
export const ask = <T>(socket: Socket, event: string, payload: unknown): Promise<T> =>
  socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
