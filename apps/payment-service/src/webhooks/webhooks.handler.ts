import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PaymentSubjects,
  PaymentWebhookMessage,
  SandboxCheckoutMessage,
  type PaymentProviderView,
  type PaymentView,
  type PaymentWebhookReceipt,
} from '@arogyam/contracts';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider';
import { PaymentWebhooksService } from './payment-webhooks.service';
import { SandboxCheckoutService } from './sandbox-checkout.service';

@Controller()
export class WebhooksHandler {
  constructor(
    private readonly webhooks: PaymentWebhooksService,
    private readonly sandbox: SandboxCheckoutService,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {}

  @MessagePattern(PaymentSubjects.receiveWebhook)
  receive(@Payload() message: PaymentWebhookMessage): Promise<PaymentWebhookReceipt> {
    return this.webhooks.receive(message.provider, Buffer.from(message.rawBody, 'base64'), message.headers);
  }

  @MessagePattern(PaymentSubjects.provider)
  providerInUse(): PaymentProviderView {
    return { provider: this.provider.name };
  }

  @MessagePattern(PaymentSubjects.completeSandboxCheckout)
  completeSandboxCheckout(@Payload() message: SandboxCheckoutMessage): Promise<PaymentView> {
    return this.sandbox.complete(message.actor, message.paymentId, message.body.outcome);
  }
}
