import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule, uploadReservationModel, UploadReservationRepository } from '@arogyam/persistence';
import { AppointmentLookup } from '@arogyam/service-kit';
import { accountEventsConsumer } from './account-status/account-events.provider';
import { CaseStudiesHandler } from './case-studies/case-studies.handler';
import { caseStudyModel, CaseStudyRepository } from './case-studies/case-study.repository';
import { CaseStudy } from './case-studies/case-study.schema';
import { CaseStudyDraftsService } from './case-studies/case-study-drafts.service';
import { CaseStudyReadingService } from './case-studies/case-study-reading.service';
import { CaseStudyReviewService } from './case-studies/case-study-review.service';
import { DoctorPatientNamesLookup } from './case-studies/doctor-patient-names.lookup';
import { DoctorServiceConfig } from './config/doctor-service.config';
import { DoctorDashboardHandler } from './dashboard/doctor-dashboard.handler';
import { DoctorDashboardService } from './dashboard/doctor-dashboard.service';
import { PatientErasure } from './data-rights/patient-erasure';
import { NextFreeEvents } from './free-times/next-free-events';
import { NextFreeSweep } from './free-times/next-free-sweep';
import { NextFreeTimesService } from './free-times/next-free-times.service';
import { doctorModel, DoctorRepository, listedNamePrefixModel } from './profiles/doctor.repository';
import { Doctor } from './profiles/doctor.schema';
import { DoctorProfilesHandler } from './profiles/doctor-profiles.handler';
import { DoctorProfilesService } from './profiles/doctor-profiles.service';
import { DoctorRating } from './reviews/doctor-rating';
import { reviewModel, ReviewRepository } from './reviews/review.repository';
import { Review } from './reviews/review.schema';
import { ReviewsHandler } from './reviews/reviews.handler';
import { ReviewsService } from './reviews/reviews.service';
import { DoctorListingNotices } from './search/doctor-listing-notices';
import { DoctorSearchHandler } from './search/doctor-search.handler';
import { DoctorSearchService } from './search/doctor-search.service';
import { DoctorDocumentsHandler } from './documents/doctor-documents.handler';
import { DoctorDocumentsService } from './documents/doctor-documents.service';
import { DoctorDocumentFiles } from './documents/doctor-document-files';
import { DocumentUploadSweep } from './documents/document-upload-sweep';
import { VerificationHandler } from './verification/verification.handler';
import { VerificationService } from './verification/verification.service';
import { SearchKeysUpgrade } from './maintenance/search-keys-upgrade';
import { NamePrefixListingUpgrade } from './maintenance/name-prefix-listing-upgrade';
import { PatientDataExportHandler } from './data-rights/patient-data-export.handler';

@Module({})
export class AppModule {
  static register(config: DoctorServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'doctor',
          config,
          outboxes: [Doctor.name, CaseStudy.name, Review.name],
          models: [doctorModel, listedNamePrefixModel, reviewModel, caseStudyModel, uploadReservationModel],
        }),
      ],
      controllers: [
        DoctorProfilesHandler,
        PatientDataExportHandler,
        DoctorSearchHandler,
        VerificationHandler,
        DoctorDocumentsHandler,
        DoctorDashboardHandler,
        ReviewsHandler,
        CaseStudiesHandler,
      ],
      providers: [
        DoctorRepository,
        SearchKeysUpgrade,
        NamePrefixListingUpgrade,
        ReviewRepository,
        DoctorListingNotices,
        DoctorProfilesService,
        DoctorSearchService,
        VerificationService,
        DoctorDocumentsService,
        DoctorDocumentFiles,
        UploadReservationRepository,
        DocumentUploadSweep,
        DoctorDashboardService,
        NextFreeTimesService,
        NextFreeEvents,
        PatientErasure,
        NextFreeSweep,
        accountEventsConsumer,
        ReviewsService,
        DoctorRating,
        AppointmentLookup,
        CaseStudyRepository,
        CaseStudyDraftsService,
        CaseStudyReviewService,
        CaseStudyReadingService,
        DoctorPatientNamesLookup,
      ],
    };
  }
}
