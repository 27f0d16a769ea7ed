import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { pageWindow, UploadReservationRepository } from '@arogyam/persistence';
import { startServiceUnderTest, unindexedQueriesOf, type ServiceUnderTest } from '@arogyam/testing';
import { HealthRecordRepository } from '../src/health-records/health-record.repository';
import { MedicalProfileRepository } from '../src/medical-profiles/medical-profile.repository';
import { patientService } from '../src/patient-service';
import { PatientRepository } from '../src/profiles/patient.repository';

/** Every query each repository of patient-service sends is served by an index (query-plans.ts). */
describe('patient-service query plans', () => {
  let service: ServiceUnderTest;
  let connection: Connection;

  beforeAll(async () => {
    service = await startServiceUnderTest(patientService);
    connection = service.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('serves every query of patients from an index', async () => {
    const patients = service.app.get(PatientRepository);
    const userId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await patients.createOnce(userId, { email: `${userId}@example.com`, fullName: 'Asha Rao' });
      await patients.findById(userId);
      await patients.patch(userId, { phone: '+91 98450 00000' }, ['fullName']);
      await patients.idsByPhoneSuffix('50000', 100);
      await patients.applyAccountStatus(userId, 'suspended', new Date());
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of healthRecords from an index', async () => {
    const records = service.app.get(HealthRecordRepository);
    const patientId = randomUUID();
    const recordId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await records.createOnce(recordId, {
        patientId,
        title: 'Lipid profile',
        kind: 'lab_report',
        sharing: { mode: 'chosen', doctorIds: ['doctor-1'] },
        readers: ['doctor-1'],
        fileName: 'lipids.pdf',
        contentType: 'application/pdf',
        size: 1024,
      });
      await records.findById(recordId);
      await records.pageOfPatient(patientId, pageWindow({}));
      await records.pageSharedWith(patientId, ['all_my_doctors', 'doctor-1'], pageWindow({}));
      await records.setSharing(patientId, recordId, {
        sharing: { mode: 'all_my_doctors', doctorIds: [] },
        readers: ['all_my_doctors'],
      });
      await records.deleteOwn(patientId, recordId);
      // Not here: upgradeLegacySharing, the start-up scan for records from before per-doctor sharing.
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of uploadReservations from an index', async () => {
    const reservations = service.app.get(UploadReservationRepository);
    const recordId = randomUUID();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await reservations.reserve(recordId, randomUUID(), new Date());
      await reservations.reservedBefore(new Date(Date.now() + 60_000));
      await reservations.release(recordId);
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of medicalProfiles from an index, and a replace clears what it leaves out', async () => {
    const profiles = service.app.get(MedicalProfileRepository);
    const patientId = randomUUID();
    let stored: Awaited<ReturnType<MedicalProfileRepository['findById']>> = null;
    const unserved = await unindexedQueriesOf(connection, async () => {
      await profiles.replace(
        patientId,
        { allergies: [{ substance: 'Penicillin', severity: 'severe' }], bloodGroup: 'B+' },
        [],
      );
      await profiles.replace(patientId, { chronicConditions: ['Asthma'] }, []);
      stored = await profiles.findById(patientId);
    });
    expect(unserved).toEqual([]);
    expect(stored).toMatchObject({ _id: patientId, allergies: [], chronicConditions: ['Asthma'] });
    expect(stored).not.toHaveProperty('bloodGroup');
  });
});
