import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { AuthThrottlerGuard } from '../http/throttling/auth-throttler.guard';
import { RefreshTokenDto, UserSubjects, type LogoutMessage, type TokenPair } from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';

@ApiTags('identity')
@Controller('auth')
export class SessionsController {
  constructor(private readonly services: ServiceClient) {}

  /** Rotates the pair; presenting an already-used refresh token revokes its whole family. */
  @Post('refresh')
  @HttpCode(200)
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ login: true })
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair' })
  refresh(@Body() dto: RefreshTokenDto): Promise<TokenPair> {
    return this.services.send<TokenPair>(UserSubjects.refresh, dto);
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "End the caller's session the refresh token belongs to" })
  async logout(@CurrentUser() user: AuthenticatedUser, @Body() dto: RefreshTokenDto): Promise<void> {
    const message: LogoutMessage = { ...dto, userId: user.userId };
    await this.services.send(UserSubjects.logout, message);
  }
}
