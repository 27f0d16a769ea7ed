import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MessagingModule } from '@arogyam/messaging';
import { MongoHealthIndicator, MongoModule } from '@arogyam/persistence';
import { HealthModule } from '@arogyam/service-kit';
import { PrescriptionServiceConfig } from './config/prescription-service.config';
import { PrescriptionPdfHandler } from './pdf/prescription-pdf.handler';
import { PrescriptionPdfService } from './pdf/prescription-pdf.service';
import { Prescription, PrescriptionSchema } from './prescriptions/prescription.schema';
import { PrescriptionsHandler } from './prescriptions/prescriptions.handler';
import { PrescriptionsService } from './prescriptions/prescriptions.service';
import { UpstreamServices } from './upstream/upstream-services';

@Module({})
export class AppModule {
  static register(config: PrescriptionServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MongoModule.forService({ url: config.MONGO_URL, dbName: config.MONGO_DB }),
        MongooseModule.forFeature([{ name: Prescription.name, schema: PrescriptionSchema }]),
        MessagingModule.forRoot({
          natsUrl: config.NATS_URL,
          connectionName: `prescription-service#${config.INSTANCE_ID}`,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
        }),
        HealthModule.forService({
          service: 'prescription',
          instance: config.INSTANCE_ID,
          indicators: [MongoHealthIndicator],
        }),
      ],
      controllers: [PrescriptionsHandler, PrescriptionPdfHandler],
      providers: [
        { provide: PrescriptionServiceConfig, useValue: config },
        PrescriptionsService,
        PrescriptionPdfService,
        UpstreamServices,
      ],
    };
  }
}
