import {
  Ack,
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import {
  CHAT_CATCH_UP_LIMIT,
  ChatJoinPayload,
  ChatReadPayload,
  ChatSendPayload,
  ChatSocketEvents,
  ChatSubjects,
  ChatTypingPayload,
  type Actor,
  type ChatErrorAck,
  type ChatJoinAck,
  type ChatMessagePage,
  type ChatMessageView,
  type ChatReadView,
  type ChatRoomView,
  type ChatTypingView,
} from '@arogyam/contracts';
import { RpcClient, newRequestId } from '@arogyam/messaging';
import { actorOf } from '../identity/actor';
import { LiveHolds, type CatchUp } from '../realtime/live-holds';
import { RealtimeFanout, chatSocketRoom } from '../realtime/realtime-fanout';
import type { SocketData } from '../realtime/realtime.gateway';
import { SocketAckError, toErrorAck, validateSocketPayload } from '../realtime/socket-acks';
import { SocketRateLimiter } from '../realtime/socket-rate-limiter';
import { UserBudgets } from '../http/throttling/user-budget';
import { clientAddressOf } from '../http/client-address';
import { GatewayConfig } from '../config/gateway.config';

type Acked<T> = T | ChatErrorAck;

const actorOfSocket = (socket: Socket): Actor => actorOf((socket.data as SocketData).user);

/**
 * The chat's socket events (docs/api.md, "Realtime"), on the same Socket.IO server as the
 * RealtimeGateway, whose handshake authenticated the socket. Membership is chat-service's
 * decision, asked with the socket's user as the actor; every event is acked with its result or an
 * error ack, and limited per socket.
 */
@WebSocketGateway({ path: '/socket.io' })
export class ChatGateway implements OnGatewayInit {
  private readonly limiter = new SocketRateLimiter();

  constructor(
    private readonly rpc: RpcClient,
    private readonly fanout: RealtimeFanout,
    private readonly holds: LiveHolds,
    private readonly budgets: UserBudgets,
    private readonly config: GatewayConfig,
  ) {}

  afterInit(server: Server): void {
    this.fanout.attach(server);
  }

  /**
   * Joins the room's live traffic once chat-service confirms the member. With `after` (the last
   * message the client saw), the ack also carries what it missed, each message once (see
   * LiveHolds); it is sent in the same tick the hold ends, so no live message slips in between.
   */
  @SubscribeMessage(ChatSocketEvents.join)
  async join(
    @ConnectedSocket() socket: Socket,
    @MessageBody() data: unknown,
    @Ack() ack?: (answer: Acked<ChatJoinAck>) => void,
  ): Promise<void> {
    let catchUp: CatchUp | undefined;
    let joined: string | undefined;
    try {
      this.limiter.take(socket, ChatSocketEvents.join);
      const { roomId, after } = await validateSocketPayload(ChatJoinPayload, data);
      const actor = actorOfSocket(socket);
      const room = await this.call<ChatRoomView>(socket, ChatSocketEvents.join, ChatSubjects.getRoom, {
        actor,
        roomId,
      });
      if (after) catchUp = this.holds.begin(roomId, socket.id);
      const socketRoom = chatSocketRoom(roomId);
      // A failure below undoes this join only, not an earlier one of the same room.
      if (!socket.rooms.has(socketRoom)) joined = socketRoom;
      await socket.join(socketRoom);
      if (!after || !catchUp) return ack?.({ room });
      const page = await this.call<ChatMessagePage>(
        socket,
        ChatSocketEvents.join,
        ChatSubjects.listMessages,
        {
          actor,
          roomId,
          after,
          limit: CHAT_CATCH_UP_LIMIT,
        },
      );
      ack?.({ room, missed: catchUp.finish(page.items), gap: page.hasMore });
    } catch (error) {
      catchUp?.abandon();
      if (joined) await socket.leave(joined);
      ack?.(toErrorAck(error));
    }
  }

  /** The ack is the stored message; the room (this socket included) gets it through the fan-out. */
  @SubscribeMessage(ChatSocketEvents.send)
  send(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<ChatMessageView>> {
    return this.answer(async () => {
      this.limiter.take(socket, ChatSocketEvents.send);
      const { roomId, body, clientId } = await validateSocketPayload(ChatSendPayload, data);
      const actor = actorOfSocket(socket);
      // The person's budget, shared with HTTP sends and their other sockets.
      const refusal = await this.budgets.spend('messages', actor.userId);
      if (refusal) throw new SocketAckError({ error: 'rate_limited', message: refusal.message });
      return this.call<ChatMessageView>(socket, ChatSocketEvents.send, ChatSubjects.send, {
        actor,
        roomId,
        body,
        clientId,
      });
    });
  }

  /** Passed on to the room's other member, never stored; only from a socket that joined the room. */
  @SubscribeMessage(ChatSocketEvents.typing)
  typing(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<ChatTypingView>> {
    return this.answer(async () => {
      this.limiter.take(socket, ChatSocketEvents.typing);
      const { roomId, typing } = await validateSocketPayload(ChatTypingPayload, data);
      if (!socket.rooms.has(chatSocketRoom(roomId))) {
        throw new SocketAckError({
          error: 'not_joined',
          message: 'Join the room (chat:join) before typing in it.',
        });
      }
      const view: ChatTypingView = { roomId, userId: actorOfSocket(socket).userId, typing };
      this.fanout.publish(roomId, 'typing', view);
      return view;
    });
  }

  @SubscribeMessage(ChatSocketEvents.read)
  read(@ConnectedSocket() socket: Socket, @MessageBody() data: unknown): Promise<Acked<ChatReadView>> {
    return this.answer(async () => {
      this.limiter.take(socket, ChatSocketEvents.read);
      const { roomId, messageId } = await validateSocketPayload(ChatReadPayload, data);
      return this.call<ChatReadView>(socket, ChatSocketEvents.read, ChatSubjects.markRead, {
        actor: actorOfSocket(socket),
        roomId,
        messageId,
      });
    });
  }

  private async answer<T>(handle: () => Promise<T>): Promise<Acked<T>> {
    try {
      return await handle();
    } catch (error) {
      return toErrorAck(error);
    }
  }

  /**
   * Each event is its own request: a new request id travels to the service and its logs, with the
   * channel for its audit trail (the socket event, this gateway, the client's address).
   */
  private call<T>(socket: Socket, event: string, subject: string, data: unknown): Promise<T> {
    return this.rpc.send<T>(subject, data, {
      requestId: newRequestId(),
      channel: {
        route: `socket ${event}`,
        gatewayInstance: this.config.INSTANCE_ID,
        clientAddress: clientAddressOf(socket.request, this.config.TRUST_PROXY),
      },
    });
  }
}
