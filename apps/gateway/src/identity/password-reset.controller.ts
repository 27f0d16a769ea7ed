import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  PasswordResetCompleteDto,
  PasswordResetRequestDto,
  PasswordResetTokenDto,
  UserSubjects,
  type PasswordResetRequestAnswer,
} from '@arogyam/contracts';
import { AuthThrottlerGuard } from '../http/throttling/auth-throttler.guard';
import { ResetEmailThrottleGuard } from '../http/throttling/reset-email-throttle.guard';
import { ServiceClient } from '../http/service-client';

/** The same words for every address: whether it has an account is not the caller's to learn. */
export const RESET_REQUESTED: PasswordResetRequestAnswer = {
  message:
    "If an account exists for that email, we've sent it a link to reset the password. The link works once and expires soon.",
};

/**
 * Password reset by an emailed one-time link. Every route draws on the client's auth-ip budget
 * (not on the login budget: no password is tried here); a request also on its address's own.
 */
@ApiTags('identity')
@Controller('auth/password-reset')
@UseGuards(AuthThrottlerGuard)
@SkipThrottle({ login: true })
export class PasswordResetController {
  constructor(private readonly services: ServiceClient) {}

  /** 202 and the same body for every address; user-service answers before it looks the address up. */
  @Post()
  @HttpCode(202)
  @UseGuards(ResetEmailThrottleGuard)
  @ApiOperation({ summary: 'Email a one-time password reset link, if the address has an account' })
  async request(@Body() dto: PasswordResetRequestDto): Promise<PasswordResetRequestAnswer> {
    await this.services.send(UserSubjects.requestPasswordReset, dto);
    return RESET_REQUESTED;
  }

  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Whether a password reset link can still be used' })
  check(@Body() dto: PasswordResetTokenDto): Promise<{ valid: true }> {
    return this.services.send<{ valid: true }>(UserSubjects.checkPasswordReset, dto);
  }

  /** Ends every session of the account; the person logs in with the new password. */
  @Post('complete')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a password reset link' })
  async complete(@Body() dto: PasswordResetCompleteDto): Promise<void> {
    await this.services.send(UserSubjects.completePasswordReset, dto);
  }
}
