import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EarningsQueryDto, PaymentSubjects, type EarningsView } from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { earningsCsv } from './earnings-csv';

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

  @Get('me/earnings.csv')
  @Roles('doctor')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same consultations as CSV, amounts in rupees' })
  async earningsAsCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: EarningsQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const earnings = await this.earnings(user, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="earnings-${earnings.from}-to-${earnings.to}.csv"`,
    );
    res.send(earningsCsv(earnings));
  }
}
