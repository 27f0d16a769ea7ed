import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangePasswordDto,
  UserSubjects,
  type AuthResult,
  type ChangePasswordMessage,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, type AuthenticatedUser } from '@arogyam/auth';
import { AuthThrottlerGuard } from '../http/throttling/auth-throttler.guard';
import { ServiceClient } from '../http/service-client';

@ApiTags('identity')
@Controller('auth/password')
export class PasswordController {
  constructor(private readonly services: ServiceClient) {}

  /**
   * Checks the current password (400 on `currentPassword` when wrong), ends every session and
   * every access token of the account, and answers a new session for the caller.
   */
  @Post()
  @HttpCode(200)
  // The login budget too (per client IP here, the body has no email): it tries a password.
  @UseGuards(JwtAuthGuard, AuthThrottlerGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change the caller's password; other sessions end" })
  changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: ChangePasswordDto,
  ): Promise<AuthResult> {
    const message: ChangePasswordMessage = { ...dto, userId: user.userId };
    return this.services.send<AuthResult>(UserSubjects.changePassword, message);
  }
}
