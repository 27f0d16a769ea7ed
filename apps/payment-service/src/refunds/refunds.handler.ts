import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PaymentIdMessage, PaymentSubjects, type PaymentView } from '@arogyam/contracts';
import { AdminRefundsService } from './admin-refunds.service';

@Controller()
export class RefundsHandler {
  constructor(private readonly adminRefunds: AdminRefundsService) {}

  @MessagePattern(PaymentSubjects.refund)
  refund(@Payload() message: PaymentIdMessage): Promise<PaymentView> {
    return this.adminRefunds.refund(message.actor, message.paymentId);
  }
}
