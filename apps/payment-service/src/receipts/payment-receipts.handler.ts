import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PaymentReceiptMessage, PaymentSubjects, type PaymentReceiptPdf } from '@arogyam/contracts';
import { PaymentReceiptsService } from './payment-receipts.service';

@Controller()
export class PaymentReceiptsHandler {
  constructor(private readonly receipts: PaymentReceiptsService) {}

  @MessagePattern(PaymentSubjects.receipt)
  render(@Payload() message: PaymentReceiptMessage): Promise<PaymentReceiptPdf> {
    return this.receipts.render(message.actor, message.paymentId, message.refundId);
  }
}
