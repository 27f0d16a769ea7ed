import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { Logger } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import {
  SfuConnectPayload,
  SfuConsumePayload,
  SfuMediaPayload,
  SfuProducePayload,
  SfuQualityPayload,
  SfuTransportPayload,
  VideoCallPayload,
  VideoSignalPayload,
  VideoSocketEvents,
  VideoSubjects,
  type Actor,
  type SfuCapabilitiesView,
  type SfuConsumerView,
  type SfuProducedView,
  type SfuQualityView,
  type SfuTransportView,
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
  // sfu: a call sets up two transports and two producers, and consumes and resumes two tracks;
  // a rejoin does it all again.
  [VideoSocketEvents.capabilities]: 20,
  [VideoSocketEvents.createTransport]: 20,
  [VideoSocketEvents.connectTransport]: 20,
  [VideoSocketEvents.produce]: 20,
  [VideoSocketEvents.consume]: 40,
  [VideoSocketEvents.pause]: 40,
  [VideoSocketEvents.resume]: 40,
  [VideoSocketEvents.quality]: 20,
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
 * ack; the other participant hears of it through VideoPushFanout. It remembers which rooms each
 * socket joined, so that when the socket disconnects video-service is told (the participant
 * leaves with their last socket, and a call waits a grace period for them to come back).
 */
@WebSocketGateway({ path: '/socket.io' })
export class VideoGateway implements OnGatewayInit, OnGatewayDisconnect {
  private readonly logger = new Logger(VideoGateway.name);
  private readonly limiter = new SocketRateLimiter(VIDEO_SOCKET_RATE_LIMITS);
  /** The rooms each connected socket joined (and has not left). */
  private readonly joined = new WeakMap<Socket, Set<string>>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly push: VideoPushFanout,
  ) {}

  afterInit(server: Server): void {
    this.push.attach(server);
  }

  handleDisconnect(socket: Socket): void {
    const rooms = this.joined.get(socket);
    this.joined.delete(socket);
    for (const appointmentId of rooms ?? []) this.socketGone(socket, appointmentId);
  }

  private socketGone(socket: Socket, appointmentId: string): void {
    this.rpc
      .send(
        VideoSubjects.disconnect,
        { actor: actorOfSocket(socket), appointmentId, socketId: socket.id },
        { requestId: newRequestId() },
      )
      .catch((error: Error) =>
        this.logger.warn(
          `Could not tell video-service that a socket left ${appointmentId}: ${error.message}`,
        ),
      );
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
  async join(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<VideoJoinView>> {
    const ack = await this.forward<VideoJoinView>(
      socket,
      VideoSocketEvents.join,
      VideoSubjects.join,
      VideoCallPayload,
      data,
      { socketId: socket.id },
    );
    if ('error' in ack) return ack;
    // A socket that went while its join was on the way: video-service must hear of it still.
    if (socket.disconnected) this.socketGone(socket, ack.appointmentId);
    else this.joined.set(socket, (this.joined.get(socket) ?? new Set<string>()).add(ack.appointmentId));
    return ack;
  }

  @SubscribeMessage(VideoSocketEvents.leave)
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<unknown>> {
    const ack = await this.call<{ appointmentId: string }>(
      socket,
      VideoSocketEvents.leave,
      VideoSubjects.leave,
      data,
    );
    if (!('error' in ack)) this.joined.get(socket)?.delete(ack.appointmentId);
    return ack;
  }

  @SubscribeMessage(VideoSocketEvents.capabilities)
  capabilities(
    @ConnectedSocket() socket: Socket,
    @MessageBody() data: unknown,
  ): Promise<Acked<SfuCapabilitiesView>> {
    return this.call(socket, VideoSocketEvents.capabilities, VideoSubjects.capabilities, data);
  }

  @SubscribeMessage(VideoSocketEvents.createTransport)
  createTransport(
    @ConnectedSocket() socket: Socket,
    @MessageBody() data: unknown,
  ): Promise<Acked<SfuTransportView>> {
    return this.forward(
      socket,
      VideoSocketEvents.createTransport,
      VideoSubjects.createTransport,
      SfuTransportPayload,
      data,
    );
  }

  @SubscribeMessage(VideoSocketEvents.connectTransport)
  connectTransport(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<unknown>> {
    return this.forward(
      socket,
      VideoSocketEvents.connectTransport,
      VideoSubjects.connectTransport,
      SfuConnectPayload,
      data,
    );
  }

  @SubscribeMessage(VideoSocketEvents.produce)
  produce(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<SfuProducedView>> {
    return this.forward(socket, VideoSocketEvents.produce, VideoSubjects.produce, SfuProducePayload, data);
  }

  @SubscribeMessage(VideoSocketEvents.consume)
  consume(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<SfuConsumerView>> {
    return this.forward(socket, VideoSocketEvents.consume, VideoSubjects.consume, SfuConsumePayload, data);
  }

  @SubscribeMessage(VideoSocketEvents.pause)
  pause(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<unknown>> {
    return this.forward(socket, VideoSocketEvents.pause, VideoSubjects.pause, SfuMediaPayload, data);
  }

  @SubscribeMessage(VideoSocketEvents.resume)
  resume(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<unknown>> {
    return this.forward(socket, VideoSocketEvents.resume, VideoSubjects.resume, SfuMediaPayload, data);
  }

  @SubscribeMessage(VideoSocketEvents.quality)
  quality(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<SfuQualityView>> {
    return this.forward(socket, VideoSocketEvents.quality, VideoSubjects.quality, SfuQualityPayload, data);
  }

  @SubscribeMessage(VideoSocketEvents.signal)
  signal(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<unknown>> {
    return this.forward(socket, VideoSocketEvents.signal, VideoSubjects.relay, VideoSignalPayload, data);
  }

  private call<T>(socket: Socket, event: string, subject: string, data: unknown): Promise<Acked<T>> {
    return this.forward<T>(socket, event, subject, VideoCallPayload, data);
  }

  /** Validates the payload against its DTO, asks video-service as the socket's user, acks the answer. */
  private async forward<T>(
    socket: Socket,
    event: string,
    subject: string,
    dto: new () => VideoCallPayload,
    data: unknown,
    extra: Record<string, string> = {},
  ): Promise<Acked<T>> {
    try {
      this.limiter.take(socket, event);
      const payload = await validateSocketPayload(dto, data);
      return await this.rpc.send<T>(
        subject,
        { ...payload, ...extra, actor: actorOfSocket(socket) },
        { requestId: newRequestId() },
      );
    } catch (error) {
      return errorAck(error);
    }
  }
}
