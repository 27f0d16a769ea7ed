import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { PrescriptionEventTypes } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { pageWindow } from '@arogyam/persistence';
import { startServiceUnderTest, unindexedQueriesOf, type ServiceUnderTest } from '@arogyam/testing';
import {
  PrescriptionRepository,
  type StoredPrescription,
} from '../src/prescriptions/prescription.repository';
import { prescriptionService } from '../src/prescription-service';

/** Every query each repository of prescription-service sends is served by an index (query-plans.ts). */
describe('prescription-service query plans', () => {
  let service: ServiceUnderTest;
  let connection: Connection;

  beforeAll(async () => {
    service = await startServiceUnderTest(prescriptionService);
    connection = service.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('serves every query of prescriptions from an index', async () => {
    const prescriptions = service.app.get(PrescriptionRepository);
    const doctorId = randomUUID();
    const patientId = randomUUID();
    const appointmentId = randomUUID();
    const prescription = (version: number, supersedesId?: string): StoredPrescription => ({
      _id: randomUUID(),
      appointmentId,
      doctorId,
      patientId,
      doctor: {
        id: doctorId,
        fullName: 'Kavya Nair',
        specialization: 'General Medicine',
        licenseNumber: 'K-1',
      },
      patient: { id: patientId, fullName: 'Ravi Kumar' },
      items: [{ drug: 'Amoxicillin', dose: '500 mg', frequency: '1-0-1', durationDays: 5 }],
      version,
      ...(supersedesId ? { supersedesId } : {}),
      verificationCode: randomUUID().slice(0, 12).toUpperCase(),
      issuedAt: new Date(),
    });
    const original = prescription(1);
    const correction = prescription(2, original._id);
    const window = pageWindow({});

    const unserved = await unindexedQueriesOf(connection, async () => {
      for (const issued of [original, correction]) {
        await prescriptions.insert(issued, createEvent(PrescriptionEventTypes.issued, { id: issued._id }));
      }
      await prescriptions.findById(original._id);
      expect(await prescriptions.findByVerificationCode(correction.verificationCode)).toMatchObject({
        _id: correction._id,
      });
      await prescriptions.pageIssuedTo(patientId, {}, window);
      await prescriptions.pageIssuedTo(patientId, { appointmentId }, window);
      await prescriptions.pageIssuedBy(doctorId, {}, window);
      await prescriptions.pageIssuedBy(doctorId, { patientId }, window);
      await prescriptions.pageIssuedBy(doctorId, { appointmentId }, window);
      await prescriptions.pageIssuedBy(doctorId, { patientId, appointmentId }, window);
      await prescriptions.correctionsOf([original._id, correction._id]);
      await prescriptions.linkCorrection(original._id, correction._id);
    });
    expect(unserved).toEqual([]);
  });
});
