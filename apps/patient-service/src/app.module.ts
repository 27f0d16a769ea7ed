import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MessagingModule } from '@arogyam/messaging';
import { MongoHealthIndicator, MongoModule } from '@arogyam/persistence';
import { HealthModule } from '@arogyam/service-kit';
import { accountEventsConsumer } from './account-status/account-events.provider';
import type { PatientServiceConfig } from './config/patient-service.config';
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
        MongoModule.forService({ url: config.MONGO_URL, dbName: config.MONGO_DB }),
        MongooseModule.forFeature([{ name: Patient.name, schema: PatientSchema }]),
        MessagingModule.forRoot({
          natsUrl: config.NATS_URL,
          connectionName: `patient-service#${config.INSTANCE_ID}`,
        }),
        HealthModule.forService({
          service: 'patient',
          instance: config.INSTANCE_ID,
          indicators: [MongoHealthIndicator],
        }),
      ],
      controllers: [PatientProfilesHandler, PatientDashboardHandler],
      providers: [PatientProfilesService, PatientDashboardService, accountEventsConsumer],
    };
  }
}
