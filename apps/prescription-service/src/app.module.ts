import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
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
        DataServiceModule.forService({
          service: 'prescription',
          config,
          outboxes: [Prescription.name],
          models: [{ name: Prescription.name, schema: PrescriptionSchema }],
        }),
      ],
      controllers: [PrescriptionsHandler, PrescriptionPdfHandler],
      providers: [PrescriptionsService, PrescriptionPdfService, UpstreamServices],
    };
  }
}
