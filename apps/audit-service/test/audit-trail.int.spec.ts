import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import {
  AuditSubjects,
  clinicalAccessedType,
  type AuditVerification,
  type ClinicalAccessedEvent,
  type ClinicalAccessedPayload,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { pageWindow } from '@arogyam/persistence';
import { startServiceUnderTest, unindexedQueriesOf, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { auditService } from '../src/audit-service';
import { AuditEntryRepository } from '../src/trail/audit-entry.repository';
import { TrailWriter } from '../src/trail/trail-writer';

let service: ServiceUnderTest;
let connection: Connection;

beforeAll(async () => {
  service = await startServiceUnderTest(auditService);
  connection = service.app.get<Connection>(getConnectionToken());
});

afterAll(async () => {
  await service?.stop();
});

const access = (patientId: string, resourceId: string): ClinicalAccessedPayload => ({
  actor: { userId: 'doctor-x', role: 'doctor' },
  patientId,
  kind: 'prescription',
  resourceId,
  action: 'read',
  outcome: 'allowed',
  channel: { subject: 'prescription.prescription.get', route: 'GET /api/prescriptions/x' },
});

const accessed = (emitter: 'prescription' | 'chat', patientId: string): ClinicalAccessedEvent =>
  createEvent<string, ClinicalAccessedPayload>(
    clinicalAccessedType(emitter),
    access(patientId, randomUUID()),
  );

const verify = () => service.rpc.send<AuditVerification>(AuditSubjects.verify, {});

describe('audit-service', () => {
  it('appends racing writers into one gapless chain, each event once, however often it is delivered', async () => {
    const patientId = randomUUID();
    const events = Array.from({ length: 12 }, () => accessed('chat', patientId));
    const writer = service.app.get(TrailWriter);
    // Interleaved appends race for the same head, as two instances of the consumer would.
    await Promise.all(events.map((event) => writer.append(event)));
    await Promise.all(events.map((event) => writer.append(event)));

    const stored = await service.db
      .collection('auditEvents')
      .find({ chain: 'chat' })
      .sort({ position: 1 })
      .toArray();
    expect(stored.map((entry) => entry.position)).toEqual(events.map((_, index) => index + 1));
    expect(new Set(stored.map((entry) => entry._id)).size).toBe(events.length);
    const chat = (await verify()).chains.find((chain) => chain.chain === 'chat');
    expect(chat).toMatchObject({ entries: 12 });
    expect(chat?.brokenAt).toBeUndefined();
  });

  it('stores what arrives on JetStream through its durable consumer', async () => {
    const patientId = randomUUID();
    const event = accessed('prescription', patientId);
    await service.events.publish(event);
    const entries = service.app.get(AuditEntryRepository);
    await waitFor(() => entries.has(event.id), 10000, 'the stored entry');
    const page = await entries.pageForPatient(patientId, pageWindow({}));
    expect(page.documents).toEqual([
      expect.objectContaining({
        _id: event.id,
        chain: 'prescription',
        actorId: 'doctor-x',
        byPatient: false,
      }),
    ]);
  });

  it('serves every query of auditEvents from an index', async () => {
    const entries = service.app.get(AuditEntryRepository);
    const window = pageWindow({});
    const unserved = await unindexedQueriesOf(connection, async () => {
      await entries.has(randomUUID());
      await entries.head('prescription');
      await entries.atPositions('prescription', [1, 2, 3]);
      await entries.pageForPatient('patient-a', window);
      await entries.search({ patientId: 'patient-a' }, window);
      await entries.search({ actorId: 'doctor-x' }, window);
      await entries.search({ kind: 'prescription' }, window);
    });
    expect(unserved).toEqual([]);
  });
});
