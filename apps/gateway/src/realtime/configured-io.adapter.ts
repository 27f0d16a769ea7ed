import { IoAdapter } from '@nestjs/platform-socket.io';
import type { INestApplicationContext } from '@nestjs/common';
import type { Server, ServerOptions } from 'socket.io';

/** Applies the gateway's CORS allowlist and message size to Socket.IO (decorator options cannot read config). */
export class ConfiguredIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: string[],
    private readonly maxMessageBytes: number,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      cors: { origin: this.origins, credentials: true },
      // A bigger packet closes the socket before it is parsed (Socket.IO's default is 1 MB).
      maxHttpBufferSize: this.maxMessageBytes,
    }) as Server;
  }
}
