import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DomainError,
  IDEMPOTENCY_KEY_PATTERN,
  PaymentSearchQueryDto,
  PaymentSubjects,
  RefundPaymentDto,
  type Page,
  type PaymentView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/payments')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('admin')
export class AdminPaymentsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({
    summary: 'Search payments by appointment, patient, status and creation dates, newest first',
  })
  search(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PaymentSearchQueryDto,
  ): Promise<Page<PaymentView>> {
    return this.services.send(PaymentSubjects.search, { actor: actorOf(user), query });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One payment with its refunds' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') paymentId: string): Promise<PaymentView> {
    return this.services.send(PaymentSubjects.get, { actor: actorOf(user), paymentId });
  }

  @Post(':id/refund')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Refund a paid payment, all that is left or `amount` of it, with a reason, whatever the cancellation policy says',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      '8–64 of A–Z a–z 0–9 _ -, new for each refund; a retry with the same key refunds nothing more',
  })
  refund(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') paymentId: string,
    @Body() body: RefundPaymentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<PaymentView> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw DomainError.badRequest(
        'Send an Idempotency-Key header (8 to 64 letters, digits, _ or -), new for each refund.',
      );
    }
    return this.services.send(PaymentSubjects.refund, {
      actor: actorOf(user),
      paymentId,
      body,
      idempotencyKey,
    });
  }
}
