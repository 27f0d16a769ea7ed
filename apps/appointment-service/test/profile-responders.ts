import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DoctorSubjects, HTTP_ERROR_NAMES, PatientSubjects } from '@arogyam/contracts';

/**
 * Stand-ins for doctor-service and patient-service on this test file's private NATS (or on each of
 * several, with the same doctors and patients), answering in the Nest NATS packet format. They
 * fake *other* services only: appointment-service itself runs for real. (The end-to-end suite
 * runs the real ones.)
 */
export interface ProfileResponders {
  listDoctor(doctor: { id: string; fullName: string; specialization: string }): void;
  /** From now on the doctor is not bookable (doctor-service answers 404). */
  unlistDoctor(doctorId: string): void;
  addPatient(patient: { id: string; fullName: string }): void;
  /** How many times a doctor's public profile was asked for. */
  doctorAsks(doctorId: string): number;
  stop(): void;
}

interface Packet {
  id: string;
  data: { doctorId?: string; actor?: { userId: string } };
}

const codec = JSONCodec<unknown>();

const notFound = (message: string) => ({ statusCode: 404, error: HTTP_ERROR_NAMES[404], message });

export function answerProfiles(...connections: NatsConnection[]): ProfileResponders {
  const doctors = new Map<string, object>();
  const patients = new Map<string, object>();
  const asks = new Map<string, number>();
  const answer = (
    subject: string,
    queue: string,
    find: (packet: Packet) => object | undefined,
    missing: string,
  ) => {
    return connections.map((nats) => {
      const subscription = nats.subscribe(subject, { queue });
      void (async () => {
        for await (const message of subscription) {
          const packet = codec.decode(message.data) as Packet;
          const found = find(packet);
          message.respond(
            codec.encode(
              found
                ? { id: packet.id, response: found, isDisposed: true }
                : { id: packet.id, err: notFound(missing), isDisposed: true },
            ),
          );
        }
      })();
      return subscription;
    });
  };
  const subscriptions: Subscription[] = [
    ...answer(
      DoctorSubjects.getPublicProfile,
      'doctor-service',
      (p) => {
        const doctorId = p.data.doctorId ?? '';
        asks.set(doctorId, (asks.get(doctorId) ?? 0) + 1);
        return doctors.get(doctorId);
      },
      'Doctor not found',
    ),
    ...answer(
      PatientSubjects.getOwnProfile,
      'patient-service',
      (p) => patients.get(p.data.actor?.userId ?? ''),
      'You have no patient profile yet.',
    ),
  ];
  return {
    listDoctor: (doctor) =>
      doctors.set(doctor.id, {
        ...doctor,
        languages: [],
        rating: 0,
        reviewCount: 0,
        verificationStatus: 'approved',
      }),
    unlistDoctor: (doctorId) => doctors.delete(doctorId),
    addPatient: (patient) => patients.set(patient.id, { ...patient, email: `${patient.id}@example.com` }),
    doctorAsks: (doctorId) => asks.get(doctorId) ?? 0,
    stop: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
  };
}
