import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PaymentSubjects, RefundPaymentMessage, type PaymentView } from '@arogyam/contracts';
import { AdminRefundsService } from './admin-refunds.service';

@Controller()
export class RefundsHandler {
  constructor(private readonly adminRefunds: AdminRefundsService) {}

  @MessagePattern(PaymentSubjects.refund)
  refund(@Payload() message: RefundPaymentMessage): Promise<PaymentView> {
    return this.adminRefunds.refund(message.actor, message.paymentId, message.body, message.idempotencyKey);
  }
}
