import { randomUUID } from 'node:crypto';
import { JSONCodec, type Msg, type NatsConnection, type Subscription } from 'nats';
import { DoctorSubjects, PatientSubjects } from '@arogyam/contracts';

export interface TestPerson {
  id: string;
  role: 'doctor' | 'patient';
  fullName: string;
  email: string;
  phone?: string;
  specialization: string;
}

interface NestPacket {
  id: string;
  data: { doctorId?: string; patientId?: string };
}

const codec = JSONCodec<unknown>();
const NOT_FOUND = { statusCode: 404, error: 'Not Found', message: 'Profile not found.' };

/**
 * Stands in for doctor-service and patient-service on the test's NATS, in their queue groups and
 * reply format: it answers the two look-ups notification-service makes for contact details.
 * `pause()` makes them unavailable (no responders), as when those services are down.
 */
export class ProfileServices {
  private readonly people = new Map<string, TestPerson>();
  private subscriptions: Subscription[] = [];

  constructor(private readonly nats: NatsConnection) {}

  doctor(fullName: string, specialization = 'Cardiology'): TestPerson {
    return this.add({ id: randomUUID(), role: 'doctor', fullName, email: mailbox(fullName), specialization });
  }

  patient(fullName: string, phone?: string): TestPerson {
    return this.add({
      id: randomUUID(),
      role: 'patient',
      fullName,
      email: mailbox(fullName),
      specialization: '',
      ...(phone ? { phone } : {}),
    });
  }

  async start(): Promise<void> {
    this.subscriptions = [
      this.nats.subscribe(DoctorSubjects.getProfileForService, {
        queue: 'doctor-service',
        callback: (_error, message) =>
          this.reply(message, (data) =>
            this.find(data.doctorId, 'doctor', (doctor) => ({
              id: doctor.id,
              email: doctor.email,
              fullName: doctor.fullName,
              specialization: doctor.specialization,
              verificationStatus: 'approved',
            })),
          ),
      }),
      this.nats.subscribe(PatientSubjects.getForService, {
        queue: 'patient-service',
        callback: (_error, message) =>
          this.reply(message, (data) =>
            this.find(data.patientId, 'patient', (patient) => ({
              id: patient.id,
              email: patient.email,
              fullName: patient.fullName,
              ...(patient.phone ? { phone: patient.phone } : {}),
            })),
          ),
      }),
    ];
    await this.nats.flush();
  }

  /** Both services gone: every look-up now meets "no responders". */
  async pause(): Promise<void> {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
    this.subscriptions = [];
    await this.nats.flush();
  }

  private add(person: TestPerson): TestPerson {
    this.people.set(person.id, person);
    return person;
  }

  private find(
    id: string | undefined,
    role: TestPerson['role'],
    view: (person: TestPerson) => object,
  ): object | undefined {
    const person = id ? this.people.get(id) : undefined;
    return person?.role === role ? view(person) : undefined;
  }

  private reply(message: Msg, answer: (data: NestPacket['data']) => object | undefined): void {
    const packet = codec.decode(message.data) as NestPacket;
    const found = answer(packet.data ?? {});
    const reply = found ? { response: found } : { err: NOT_FOUND };
    message.respond(codec.encode({ id: packet.id, ...reply, isDisposed: true }));
  }
}

const mailbox = (fullName: string): string =>
  `${fullName.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomUUID().slice(0, 6)}@mail.example`;
