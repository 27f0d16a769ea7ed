import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UpdateAccountPreferencesDto, UserSubjects, type AccountPreferencesView } from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from './actor';

/** The signed-in person's language (user-service): what the services write to them follows it. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('users/me/preferences')
@UseGuards(JwtAuthGuard)
export class AccountPreferencesController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: "Own account's language (en until chosen)" })
  get(@CurrentUser() user: AuthenticatedUser): Promise<AccountPreferencesView> {
    return this.services.send(UserSubjects.getPreferences, { actor: actorOf(user) });
  }

  @Patch()
  @ApiOperation({ summary: 'Set the language notifications, emails and SMS are written in (en or hi)' })
  set(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdateAccountPreferencesDto,
  ): Promise<AccountPreferencesView> {
    return this.services.send(UserSubjects.setPreferences, { actor: actorOf(user), body });
  }
}
