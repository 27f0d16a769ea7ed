import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { AppointmentLookup } from '@arogyam/service-kit';
import { PrescriptionServiceConfig } from './config/prescription-service.config';
import { PatientErasureConsumer } from './data-rights/patient-erasure.consumer';
import { PrescriptionPdfHandler } from './pdf/prescription-pdf.handler';
import { PrescriptionPdfService } from './pdf/prescription-pdf.service';
import { Prescription } from './prescriptions/prescription.schema';
import { prescriptionModel, PrescriptionRepository } from './prescriptions/prescription.repository';
import { PrescriptionsHandler } from './prescriptions/prescriptions.handler';
import { PrescriptionsService } from './prescriptions/prescriptions.service';
import { PrescriptionHistoryService } from './prescriptions/prescription-history.service';
import { UpstreamServices } from './upstream/upstream-services';
import { PatientDataExportHandler } from './data-rights/patient-data-export.handler';

@Module({})
export class AppModule {
  static register(config: PrescriptionServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'prescription',
          config,
          audited: 'prescription',
          outboxes: [Prescription.name],
          models: [prescriptionModel],
        }),
      ],
      controllers: [PrescriptionsHandler, PrescriptionPdfHandler, PatientDataExportHandler],
      providers: [
        PrescriptionRepository,
        PrescriptionsService,
        PrescriptionHistoryService,
        PrescriptionPdfService,
        UpstreamServices,
        AppointmentLookup,
        PatientErasureConsumer,
      ],
    };
  }
}
