import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { PaymentServiceConfig } from './config/payment-service.config';

export const paymentService: ServiceBootstrapOptions<PaymentServiceConfig> = {
  service: 'payment',
  config: PaymentServiceConfig,
  module: (config) => AppModule.register(config),
};
