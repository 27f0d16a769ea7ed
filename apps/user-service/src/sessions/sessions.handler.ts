import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LoginMessage,
  LogoutMessage,
  RefreshTokenDto,
  UserSubjects,
  type AuthResult,
  type TokenPair,
} from '@arogyam/contracts';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsHandler {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(UserSubjects.login)
  login(@Payload() message: LoginMessage): Promise<AuthResult> {
    return this.sessions.login(message);
  }

  @MessagePattern(UserSubjects.refresh)
  refresh(@Payload() message: RefreshTokenDto): Promise<TokenPair> {
    return this.sessions.refresh(message.refreshToken);
  }

  @MessagePattern(UserSubjects.logout)
  async logout(@Payload() message: LogoutMessage): Promise<{ loggedOut: true }> {
    await this.sessions.logout(message.userId, message.refreshToken);
    return { loggedOut: true };
  }
}
