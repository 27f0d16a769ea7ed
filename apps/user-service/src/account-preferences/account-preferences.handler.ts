import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorMessageDto, UserSubjects, type AccountPreferencesView } from '@arogyam/contracts';
import { AccountPreferencesService } from './account-preferences.service';

/** The signed-in person's own account settings (the gateway's `/api/users/me/preferences`). */
@Controller()
export class AccountPreferencesHandler {
  constructor(private readonly preferences: AccountPreferencesService) {}

  @MessagePattern(UserSubjects.getPreferences)
  get(@Payload() message: ActorMessageDto): Promise<AccountPreferencesView> {
    return this.preferences.get(message.actor);
  }

  @MessagePattern(UserSubjects.setPreferences)
  set(@Payload() message: ActorMessageDto): Promise<AccountPreferencesView> {
    return this.preferences.set(message.actor, message.body);
  }
}
