import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PageQueryDto,
  PaymentSubjects,
  SandboxCheckoutDto,
  type Page,
  type PaymentView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/** Who may see which payment is payment-service's decision (it asks appointment-service); the gateway passes the caller. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller()
@UseGuards(JwtAuthGuard, RolesGuard)
export class PaymentsController {
  constructor(private readonly services: ServiceClient) {}

  @Post('appointments/:id/payment')
  @Roles('patient')
  @ApiOperation({
    summary: "Start paying for one's own appointment (or get the unpaid payment already started)",
  })
  create(@CurrentUser() user: AuthenticatedUser, @Param('id') appointmentId: string): Promise<PaymentView> {
    return this.services.send(PaymentSubjects.create, { actor: actorOf(user), appointmentId });
  }

  @Get('appointments/:id/payment')
  @Roles('patient', 'doctor', 'admin')
  @ApiOperation({ summary: "An appointment's latest payment, for its patient, its doctor or an admin" })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') appointmentId: string): Promise<PaymentView> {
    return this.services.send(PaymentSubjects.getForAppointment, { actor: actorOf(user), appointmentId });
  }

  @Get('payments')
  @Roles('patient')
  @ApiOperation({ summary: "A patient's own payments, newest first" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<Page<PaymentView>> {
    return this.services.send(PaymentSubjects.list, { actor: actorOf(user), query });
  }

  @Post('payments/:id/sandbox-checkout')
  @HttpCode(200)
  @Roles('patient')
  @ApiOperation({
    summary: 'Sandbox provider only (404 otherwise): end a sandbox checkout as paid or failed',
  })
  completeSandboxCheckout(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') paymentId: string,
    @Body() body: SandboxCheckoutDto,
  ): Promise<PaymentView> {
    return this.services.send(PaymentSubjects.completeSandboxCheckout, {
      actor: actorOf(user),
      paymentId,
      body,
    });
  }
}
