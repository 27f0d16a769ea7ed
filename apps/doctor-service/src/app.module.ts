import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { AppointmentLookup } from '@arogyam/service-kit';
import { accountEventsConsumer } from './account-status/account-events.provider';
import { DoctorServiceConfig } from './config/doctor-service.config';
import { DoctorDashboardHandler } from './dashboard/doctor-dashboard.handler';
import { DoctorDashboardService } from './dashboard/doctor-dashboard.service';
import { NextFreeEvents } from './free-times/next-free-events';
import { NextFreeSweep } from './free-times/next-free-sweep';
import { NextFreeTimesService } from './free-times/next-free-times.service';
import { doctorModel, DoctorRepository } from './profiles/doctor.repository';
import { Doctor } from './profiles/doctor.schema';
import { DoctorProfilesHandler } from './profiles/doctor-profiles.handler';
import { DoctorProfilesService } from './profiles/doctor-profiles.service';
import { DoctorRating } from './reviews/doctor-rating';
import { reviewModel, ReviewRepository } from './reviews/review.repository';
import { ReviewsHandler } from './reviews/reviews.handler';
import { ReviewsService } from './reviews/reviews.service';
import { DoctorListingNotices } from './search/doctor-listing-notices';
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
        DataServiceModule.forService({
          service: 'doctor',
          config,
          outboxes: [Doctor.name],
          models: [doctorModel, reviewModel],
        }),
      ],
      controllers: [
        DoctorProfilesHandler,
        DoctorSearchHandler,
        VerificationHandler,
        DoctorDashboardHandler,
        ReviewsHandler,
      ],
      providers: [
        DoctorRepository,
        ReviewRepository,
        DoctorListingNotices,
        DoctorProfilesService,
        DoctorSearchService,
        VerificationService,
        DoctorDashboardService,
        NextFreeTimesService,
        NextFreeEvents,
        NextFreeSweep,
        accountEventsConsumer,
        ReviewsService,
        DoctorRating,
        AppointmentLookup,
      ],
    };
  }
}
