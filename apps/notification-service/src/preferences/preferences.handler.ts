import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorMessageDto, NotificationSubjects, type NotificationPreferencesView } from '@arogyam/contracts';
import { PreferencesService } from './preferences.service';

@Controller()
export class PreferencesHandler {
  constructor(private readonly preferences: PreferencesService) {}

  @MessagePattern(NotificationSubjects.getPreferences)
  get(@Payload() message: ActorMessageDto): Promise<NotificationPreferencesView> {
    return this.preferences.get(message.actor);
  }

  @MessagePattern(NotificationSubjects.setPreferences)
  set(@Payload() message: ActorMessageDto): Promise<NotificationPreferencesView> {
    return this.preferences.set(message.actor, message.body);
  }
}
