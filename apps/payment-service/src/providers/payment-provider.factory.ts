import type { FactoryProvider } from '@nestjs/common';
import { PaymentServiceConfig } from '../config/payment-service.config';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payment-provider';
import { RazorpayProvider } from './razorpay-provider';
import { SandboxProvider } from './sandbox-provider';

/** Razorpay when its three variables are set, else the sandbox (config validation made sure of the secrets). */
export const paymentProviderFactory: FactoryProvider<PaymentProvider> = {
  provide: PAYMENT_PROVIDER,
  inject: [PaymentServiceConfig],
  useFactory: (config: PaymentServiceConfig): PaymentProvider =>
    config.paymentProvider === 'razorpay'
      ? new RazorpayProvider({
          keyId: config.RAZORPAY_KEY_ID ?? '',
          keySecret: config.RAZORPAY_KEY_SECRET ?? '',
          webhookSecret: config.RAZORPAY_WEBHOOK_SECRET ?? '',
          apiUrl: config.RAZORPAY_API_URL,
        })
      : new SandboxProvider(config.PAYMENT_SANDBOX_SECRET ?? ''),
};
