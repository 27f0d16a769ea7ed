import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule, uploadReservationModel, UploadReservationRepository } from '@arogyam/persistence';
import { AppointmentLookup } from '@arogyam/service-kit';
import { accountEventsConsumer } from './account-status/account-events.provider';
import { AuditedCare } from './care/audited-care';
import { CareRelationships } from './care/care-relationships';
import { PatientErasure } from './data-rights/patient-erasure';
import { PatientErasureRepository } from './data-rights/patient-erasure.repository';
import { PatientServiceConfig } from './config/patient-service.config';
import { DataExportArchives } from './data-export/data-export-archives';
import { dataExportModel, DataExportRepository } from './data-export/data-export.repository';
import { DataExportRunner } from './data-export/data-export-runner';
import { DataExportSweep } from './data-export/data-export-sweep';
import { DataExportsHandler } from './data-export/data-exports.handler';
import { DataExportsService } from './data-export/data-exports.service';
import { ExportLocalData } from './data-export/export-local-data';
import { PatientDashboardHandler } from './dashboard/patient-dashboard.handler';
import { PatientDashboardService } from './dashboard/patient-dashboard.service';
import { HealthRecordFiles } from './health-records/health-record-files';
import { healthRecordModel, HealthRecordRepository } from './health-records/health-record.repository';
import { HealthRecordsHandler } from './health-records/health-records.handler';
import { HealthRecordsService } from './health-records/health-records.service';
import { LegacySharingUpgrade } from './health-records/legacy-sharing-upgrade';
import { HealthRecordUploadSweep } from './health-records/upload-sweep';
import { medicalProfileModel, MedicalProfileRepository } from './medical-profiles/medical-profile.repository';
import { MedicalProfilesHandler } from './medical-profiles/medical-profiles.handler';
import { MedicalProfile } from './medical-profiles/medical-profile.schema';
import { MedicalProfilesService } from './medical-profiles/medical-profiles.service';
import { AppointmentPatientHandler } from './patient-contact/appointment-patient.handler';
import { AppointmentPatientService } from './patient-contact/appointment-patient.service';
import { Patient } from './profiles/patient.schema';
import { patientModel, PatientRepository } from './profiles/patient.repository';
import { PatientsByPhoneHandler } from './profiles/patients-by-phone.handler';
import { PhoneKeysUpgrade } from './profiles/phone-keys-upgrade';
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
          audited: 'patient',
          outboxes: [Patient.name, MedicalProfile.name],
          models: [
            patientModel,
            healthRecordModel,
            uploadReservationModel,
            medicalProfileModel,
            dataExportModel,
          ],
        }),
      ],
      controllers: [
        PatientProfilesHandler,
        PatientDashboardHandler,
        HealthRecordsHandler,
        MedicalProfilesHandler,
        AppointmentPatientHandler,
        DataExportsHandler,
        PatientsByPhoneHandler,
      ],
      providers: [
        PatientRepository,
        HealthRecordRepository,
        PatientProfilesService,
        PatientDashboardService,
        accountEventsConsumer,
        AppointmentLookup,
        HealthRecordFiles,
        HealthRecordsService,
        UploadReservationRepository,
        HealthRecordUploadSweep,
        LegacySharingUpgrade,
        PhoneKeysUpgrade,
        MedicalProfileRepository,
        MedicalProfilesService,
        CareRelationships,
        AuditedCare,
        AppointmentPatientService,
        DataExportRepository,
        DataExportArchives,
        ExportLocalData,
        DataExportRunner,
        DataExportsService,
        DataExportSweep,
        PatientErasureRepository,
        PatientErasure,
      ],
    };
  }
}
