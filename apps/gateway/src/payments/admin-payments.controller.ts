import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PaymentSubjects, type PaymentView } from '@arogyam/contracts';
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

  @Post(':id/refund')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refund a paid payment in full, whatever the cancellation policy says' })
  refund(@CurrentUser() user: AuthenticatedUser, @Param('id') paymentId: string): Promise<PaymentView> {
    return this.services.send(PaymentSubjects.refund, { actor: actorOf(user), paymentId });
  }
}
