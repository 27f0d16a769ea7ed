import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { accountEventsConsumer } from './account-status/account-events.provider';
import { PatientServiceConfig } from './config/patient-service.config';
import { PatientDashboardHandler } from './dashboard/patient-dashboard.handler';
import { PatientDashboardService } from './dashboard/patient-dashboard.service';
import { Patient, PatientSchema } from './profiles/patient.schema';
import { PatientProfilesHandler } from './profiles/patient-profiles.handler';
import { PatientProfilesService } from './profiles/patient-profiles.service';

@Module({})
export class AppModule {
  static register(config: PatientServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'patient',
          config,
          outboxes: [Patient.name],
          models: [{ name: Patient.name, schema: PatientSchema }],
        }),
      ],
      controllers: [PatientProfilesHandler, PatientDashboardHandler],
      providers: [PatientProfilesService, PatientDashboardService, accountEventsConsumer],
    };
  }
}
