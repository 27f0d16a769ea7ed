import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import {
  VideoCallPayload,
  VideoSignalPayload,
  VideoSocketEvents,
  VideoSubjects,
  type Actor,
  type VideoCallView,
  type VideoErrorAck,
  type VideoJoinView,
} from '@arogyam/contracts';
import { RpcCallError, RpcClient, newRequestId } from '@arogyam/messaging';
import { actorOf } from '../identity/actor';
import type { SocketData } from '../realtime/realtime.gateway';
import { toErrorAck, validateSocketPayload } from '../realtime/socket-acks';
import { SocketRateLimiter } from '../realtime/socket-rate-limiter';
import { VideoPushFanout } from './video-push';

type Acked<T> = T | VideoErrorAck;

/** Per socket and 10 s: signaling carries a burst of ICE candidates, the rest is a click. */
export const VIDEO_SOCKET_RATE_LIMITS: Readonly<Record<string, number>> = {
  [VideoSocketEvents.start]: 10,
  [VideoSocketEvents.accept]: 10,
  [VideoSocketEvents.decline]: 10,
  [VideoSocketEvents.end]: 10,
  [VideoSocketEvents.join]: 20,
  [VideoSocketEvents.leave]: 20,
  [VideoSocketEvents.signal]: 200,
};

const actorOfSocket = (socket: Socket): Actor => actorOf((socket.data as SocketData).user);

/** The chat's error ack, plus `unprocessable` for a 422 (e.g. not a video appointment). */
const errorAck = (error: unknown): VideoErrorAck =>
  error instanceof RpcCallError && error.payload.statusCode === 422
    ? { error: 'unprocessable', message: error.payload.message }
    : toErrorAck(error);

/**
 * A video consultation's socket events (docs/api.md, "Realtime"), on the same Socket.IO server
 * as the RealtimeGateway (which authenticated the socket and put it in `user:<id>`). Each asks
 * video-service over NATS with the socket's user as the actor and acks its answer or an error
 * ack; the other participant hears of it through VideoPushFanout.
 */
@WebSocketGateway({ path: '/socket.io' })
export class VideoGateway implements OnGatewayInit {
  private readonly limiter = new SocketRateLimiter(VIDEO_SOCKET_RATE_LIMITS);

  constructor(
    private readonly rpc: RpcClient,
    private readonly push: VideoPushFanout,
  ) {}

  afterInit(server: Server): void {
    this.push.attach(server);
  }

  @SubscribeMessage(VideoSocketEvents.start)
  start(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<VideoCallView>> {
    return this.call(socket, VideoSocketEvents.start, VideoSubjects.start, data);
  }

  @SubscribeMessage(VideoSocketEvents.accept)
  accept(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<VideoCallView>> {
    return this.call(socket, VideoSocketEvents.accept, VideoSubjects.accept, data);
  }

  @SubscribeMessage(VideoSocketEvents.decline)
  decline(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<VideoCallView>> {
    return this.call(socket, VideoSocketEvents.decline, VideoSubjects.decline, data);
  }

  @SubscribeMessage(VideoSocketEvents.end)
  end(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<VideoCallView>> {
    return this.call(socket, VideoSocketEvents.end, VideoSubjects.end, data);
  }

  @SubscribeMessage(VideoSocketEvents.join)
  join(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<VideoJoinView>> {
    return this.call(socket, VideoSocketEvents.join, VideoSubjects.join, data);
  }

  @SubscribeMessage(VideoSocketEvents.leave)
  leave(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<unknown>> {
    return this.call(socket, VideoSocketEvents.leave, VideoSubjects.leave, data);
  }

  @SubscribeMessage(VideoSocketEvents.signal)
  async signal(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<unknown>> {
    try {
      this.limiter.take(socket, VideoSocketEvents.signal);
      const { appointmentId, signal } = await validateSocketPayload(VideoSignalPayload, data);
      return await this.rpc.send(
        VideoSubjects.relay,
        { actor: actorOfSocket(socket), appointmentId, signal },
        { requestId: newRequestId() },
      );
    } catch (error) {
      return errorAck(error);
    }
  }

  private async call<T>(socket: Socket, event: string, subject: string, data: unknown): Promise<Acked<T>> {
    try {
      this.limiter.take(socket, event);
      const { appointmentId } = await validateSocketPayload(VideoCallPayload, data);
      return await this.rpc.send<T>(
        subject,
        { actor: actorOfSocket(socket), appointmentId },
        { requestId: newRequestId() },
      );
    } catch (error) {
      return errorAck(error);
    }
  }
}
