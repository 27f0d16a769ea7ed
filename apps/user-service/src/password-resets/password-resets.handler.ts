import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PasswordResetCompleteDto,
  PasswordResetRequestDto,
  PasswordResetTokenDto,
  UserSubjects,
} from '@arogyam/contracts';
import { PasswordResetsService } from './password-resets.service';

@Controller()
export class PasswordResetsHandler {
  constructor(private readonly resets: PasswordResetsService) {}

  /** Answers at once, the same for every address; the work goes on after (PasswordResetsService). */
  @MessagePattern(UserSubjects.requestPasswordReset)
  request(@Payload() message: PasswordResetRequestDto): { accepted: true } {
    this.resets.requestInBackground(message.email);
    return { accepted: true };
  }

  @MessagePattern(UserSubjects.checkPasswordReset)
  async check(@Payload() message: PasswordResetTokenDto): Promise<{ valid: true }> {
    await this.resets.check(message.token);
    return { valid: true };
  }

  @MessagePattern(UserSubjects.completePasswordReset)
  async complete(@Payload() message: PasswordResetCompleteDto): Promise<{ reset: true }> {
    await this.resets.complete(message.token, message.newPassword);
    return { reset: true };
  }
}
