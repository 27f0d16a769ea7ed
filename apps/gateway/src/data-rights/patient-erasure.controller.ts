import { Body, Controller, Delete, HttpCode, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AppointmentSubjects,
  DomainError,
  EraseAccountDto,
  UserSubjects,
  type EraseAccountMessage,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, type AuthenticatedUser } from '@arogyam/auth';
import { AuthThrottlerGuard } from '../http/throttling/auth-throttler.guard';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/**
 * A patient deletes their own account (docs/architecture.md, "Erasure"). In this order, so that a
 * refusal changes nothing: the password (403 when wrong), then appointment-service ends the
 * bookings (409 while a visit is in progress, else each upcoming one is cancelled as the patient
 * would), then user-service erases the account and announces it to every other service.
 */
@ApiTags('identity')
@Controller('users')
export class PatientErasureController {
  constructor(private readonly services: ServiceClient) {}

  @Delete('me')
  @HttpCode(204)
  // The login budget too (per client IP): it tries a password.
  @UseGuards(JwtAuthGuard, AuthThrottlerGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Delete the caller's patient account: 403 wrong password, 409 visit in progress or not a patient",
  })
  async erase(@CurrentUser() user: AuthenticatedUser, @Body() dto: EraseAccountDto): Promise<void> {
    if (user.role !== 'patient')
      throw DomainError.conflict(
        'Only an administrator can delete this account; please ask one.',
        'ask_an_admin',
      );
    const message: EraseAccountMessage = { userId: user.userId, password: dto.password };
    await this.services.send(UserSubjects.checkPassword, message);
    await this.services.send(AppointmentSubjects.endBookingsForErasure, { actor: actorOf(user) });
    await this.services.send(UserSubjects.erase, message);
  }
}
