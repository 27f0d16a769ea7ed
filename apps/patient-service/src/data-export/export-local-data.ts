import { Injectable } from '@nestjs/common';
import type { PatientDataPage } from '@arogyam/contracts';
import { HealthRecordRepository } from '../health-records/health-record.repository';
import { MedicalProfileRepository } from '../medical-profiles/medical-profile.repository';
import { toMedicalProfileView } from '../medical-profiles/medical-profile-views';
import { PatientRepository } from '../profiles/patient.repository';
import { toPatientProfileView } from '../profiles/patient-views';

/** patient-service's own part of a patient's export: profile, medical profile, health records. */
@Injectable()
export class ExportLocalData {
  constructor(
    private readonly patients: PatientRepository,
    private readonly medicalProfiles: MedicalProfileRepository,
    private readonly records: HealthRecordRepository,
  ) {}

  async page(patientId: string, section: string, cursor: string | undefined): Promise<PatientDataPage> {
    switch (section) {
      case 'profile': {
        const patient = await this.patients.findById(patientId);
        return { items: patient ? [{ ...toPatientProfileView(patient) }] : [] };
      }
      case 'medical_profile':
        return {
          items: [{ ...toMedicalProfileView(patientId, await this.medicalProfiles.findById(patientId)) }],
        };
      case 'health_records':
        return this.records.exportPage(patientId, cursor);
      default:
        throw new Error(`No local section ${section}`);
    }
  }
}
