import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChatMessageListQueryDto,
  ChatMessageRefDto,
  ChatSubjects,
  SendChatMessageDto,
  type ChatMessagePage,
  type ChatMessageView,
  type ChatReadView,
  type ChatRoomView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { Budget, UserBudgetGuard } from '../http/throttling/user-budget';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/**
 * Rooms open when a doctor–patient pair has an appointment. Whether the caller is a room's member
 * is chat-service's decision: anyone else gets the same 404 as for a room that does not exist.
 */
@ApiTags('chat')
@ApiBearerAuth()
@Controller('chat/rooms')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('patient', 'doctor')
export class ChatController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Own chat rooms, most recently active first, with unread counts' })
  rooms(@CurrentUser() user: AuthenticatedUser): Promise<ChatRoomView[]> {
    return this.services.send(ChatSubjects.listRooms, { actor: actorOf(user) });
  }

  @Get(':id')
  room(@CurrentUser() user: AuthenticatedUser, @Param('id') roomId: string): Promise<ChatRoomView> {
    return this.services.send(ChatSubjects.getRoom, { actor: actorOf(user), roomId });
  }

  @Get(':id/messages')
  @ApiOperation({ summary: 'Messages newest first; page back with `before` (a message id)' })
  messages(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') roomId: string,
    @Query() query: ChatMessageListQueryDto,
  ): Promise<ChatMessagePage> {
    return this.services.send(ChatSubjects.listMessages, { actor: actorOf(user), roomId, ...query });
  }

  @Post(':id/messages')
  @UseGuards(UserBudgetGuard)
  @Budget('messages')
  @ApiOperation({ summary: 'Send a message; a retry with the same clientId answers the original' })
  send(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') roomId: string,
    @Body() body: SendChatMessageDto,
  ): Promise<ChatMessageView> {
    return this.services.send(ChatSubjects.send, { actor: actorOf(user), roomId, ...body });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark everything up to a message as read (the pointer only moves forward)' })
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') roomId: string,
    @Body() body: ChatMessageRefDto,
  ): Promise<ChatReadView> {
    return this.services.send(ChatSubjects.markRead, { actor: actorOf(user), roomId, ...body });
  }
}
