import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MessagingModule } from '@arogyam/messaging';
import { MongoHealthIndicator, MongoModule } from '@arogyam/persistence';
import { HealthModule } from '@arogyam/service-kit';
import { accountEventsConsumer } from './account-status/account-events.provider';
import { DoctorServiceConfig } from './config/doctor-service.config';
import { DoctorDashboardHandler } from './dashboard/doctor-dashboard.handler';
import { DoctorDashboardService } from './dashboard/doctor-dashboard.service';
import { Doctor, DoctorSchema } from './profiles/doctor.schema';
import { DoctorProfilesHandler } from './profiles/doctor-profiles.handler';
import { DoctorProfilesService } from './profiles/doctor-profiles.service';
import { DoctorDirectory } from './search/doctor-directory';
import { DoctorSearchHandler } from './search/doctor-search.handler';
import { DoctorSearchService } from './search/doctor-search.service';
import { VerificationHandler } from './verification/verification.handler';
import { VerificationService } from './verification/verification.service';

@Module({})
export class AppModule {
  static register(config: DoctorServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MongoModule.forService({ url: config.MONGO_URL, dbName: config.MONGO_DB }),
        MongooseModule.forFeature([{ name: Doctor.name, schema: DoctorSchema }]),
        MessagingModule.forRoot({
          natsUrl: config.NATS_URL,
          connectionName: `doctor-service#${config.INSTANCE_ID}`,
        }),
        HealthModule.forService({
          service: 'doctor',
          instance: config.INSTANCE_ID,
          indicators: [MongoHealthIndicator],
        }),
      ],
      controllers: [DoctorProfilesHandler, DoctorSearchHandler, VerificationHandler, DoctorDashboardHandler],
      providers: [
        { provide: DoctorServiceConfig, useValue: config },
        DoctorDirectory,
        DoctorProfilesService,
        DoctorSearchService,
        VerificationService,
        DoctorDashboardService,
        accountEventsConsumer,
      ],
    };
  }
}
