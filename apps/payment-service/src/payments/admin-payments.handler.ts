import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PaymentIdMessage,
  PaymentSearchMessage,
  PaymentSubjects,
  type Page,
  type PaymentView,
} from '@arogyam/contracts';
import { AdminPaymentsService } from './admin-payments.service';

@Controller()
export class AdminPaymentsHandler {
  constructor(private readonly adminPayments: AdminPaymentsService) {}

  @MessagePattern(PaymentSubjects.get)
  get(@Payload() message: PaymentIdMessage): Promise<PaymentView> {
    return this.adminPayments.get(message.actor, message.paymentId);
  }

  @MessagePattern(PaymentSubjects.search)
  search(@Payload() message: PaymentSearchMessage): Promise<Page<PaymentView>> {
    return this.adminPayments.search(message.actor, message.query);
  }
}
