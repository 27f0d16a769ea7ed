import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EarningsQueryDto, PaymentSubjects, type EarningsView } from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/** A doctor's own earnings, from payment-service: the doctor is who signed in, never a parameter. */
@ApiTags('doctors')
@ApiBearerAuth()
@Controller('doctors')
@UseGuards(JwtAuthGuard, RolesGuard)
export class DoctorEarningsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('me/earnings')
  @Roles('doctor')
  @ApiOperation({
    summary:
      'Your earnings: each consultation from `from` to `to` (days in `tz`, at most 366) with fee, paid, refunded, net; weekly and monthly totals; what is unpaid',
  })
  @ApiOkResponse({
    description:
      '`{timezone, from, to, totals, weeks[], months[], consultations[]}`; money in paise (`{amount, currency}`)',
  })
  earnings(@CurrentUser() user: AuthenticatedUser, @Query() query: EarningsQueryDto): Promise<EarningsView> {
    return this.services.send(PaymentSubjects.earnings, { actor: actorOf(user), query });
  }
}
