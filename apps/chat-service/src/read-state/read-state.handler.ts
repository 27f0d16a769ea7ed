import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ChatSubjects, MarkChatReadMessage, type ChatReadView } from '@arogyam/contracts';
import { ReadStateService } from './read-state.service';

@Controller()
export class ReadStateHandler {
  constructor(private readonly readState: ReadStateService) {}

  @MessagePattern(ChatSubjects.markRead)
  markRead(@Payload() message: MarkChatReadMessage): Promise<ChatReadView> {
    return this.readState.markRead(message);
  }
}
