import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { DoctorConsultationsLookup } from './earnings/doctor-consultations.lookup';
import { EarningsHandler } from './earnings/earnings.handler';
import { EarningsService } from './earnings/earnings.service';
import { PaymentServiceConfig } from './config/payment-service.config';
import { AdminPaymentsHandler } from './payments/admin-payments.handler';
import { AdminPaymentsService } from './payments/admin-payments.service';
import { Payment } from './payments/payment.schema';
import { paymentModel, PaymentRepository } from './payments/payment.repository';
import {
  paymentTransitionModel,
  PaymentTransitionRepository,
} from './payments/payment-transition.repository';
import { PaymentTransitions } from './payments/payment-transitions';
import { PaymentsHandler } from './payments/payments.handler';
import { PaymentsService } from './payments/payments.service';
import { PaymentReceiptsHandler } from './receipts/payment-receipts.handler';
import { PaymentReceiptsService } from './receipts/payment-receipts.service';
import { paymentProviderFactory } from './providers/payment-provider.factory';
import { AdminRefundsService } from './refunds/admin-refunds.service';
import { CancellationRefunds } from './refunds/cancellation-refunds';
import { PaymentEventsConsumer } from './refunds/payment-events.consumer';
import { RefundsHandler } from './refunds/refunds.handler';
import { RefundsService } from './refunds/refunds.service';
import { UpstreamServices } from './upstream/upstream-services';
import { AppointmentLookup } from '@arogyam/service-kit';
import { PaymentWebhooksService } from './webhooks/payment-webhooks.service';
import { SandboxCheckoutService } from './webhooks/sandbox-checkout.service';
import { WebhooksHandler } from './webhooks/webhooks.handler';
import { PatientDataExportHandler } from './data-rights/patient-data-export.handler';

@Module({})
export class AppModule {
  static register(config: PaymentServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'payment',
          config,
          outboxes: [Payment.name],
          models: [paymentModel, paymentTransitionModel],
        }),
      ],
      controllers: [
        PaymentsHandler,
        PatientDataExportHandler,
        AdminPaymentsHandler,
        WebhooksHandler,
        RefundsHandler,
        PaymentReceiptsHandler,
        EarningsHandler,
      ],
      providers: [
        paymentProviderFactory,
        UpstreamServices,
        AppointmentLookup,
        PaymentRepository,
        PaymentTransitionRepository,
        PaymentTransitions,
        PaymentsService,
        AdminPaymentsService,
        PaymentWebhooksService,
        SandboxCheckoutService,
        RefundsService,
        AdminRefundsService,
        CancellationRefunds,
        PaymentEventsConsumer,
        PaymentReceiptsService,
        DoctorConsultationsLookup,
        EarningsService,
      ],
    };
  }
}
