import type { Collection } from 'mongodb';
import type { httpClient } from './http';
import { bookFirstFreeSlot, type Person } from './people';

type Call = ReturnType<typeof httpClient>;
const DAY_MS = 86_400_000;

/**
 * The situations of a doctor and a patient that the care relationship is decided on, made through
 * the API as far as it goes; "days ago" and "days ahead" then move the appointment's time in
 * appointment-service's database (there is no route to book the past, and there should be none).
 */
export class CareSituations {
  constructor(
    private readonly call: Call,
    /** appointment-service's `appointments`. */
    private readonly appointments: Collection<{ _id: string }>,
  ) {}

  /** A booking that starts within the next six hours: the day of the visit. */
  async visitToday(doctor: Person, patient: Person): Promise<string> {
    return (await bookFirstFreeSlot(this.call, doctor, patient)).id;
  }

  /** A booking `days` ahead (booked now, then moved there). */
  async futureBooking(doctor: Person, patient: Person, days = 5): Promise<string> {
    const id = await this.visitToday(doctor, patient);
    await this.moveBy(id, days);
    return id;
  }

  /** A booking the patient cancelled. */
  async cancelled(doctor: Person, patient: Person): Promise<string> {
    const id = await this.visitToday(doctor, patient);
    await this.expect(
      this.call('POST', `/api/appointments/${id}/cancel`, { token: patient.token, body: {} }),
      200,
    );
    return id;
  }

  /**
   * A consultation completed `daysAgo`: taken through the visit (with its notes and a
   * prescription when given), then moved back in time.
   */
  async completed(
    doctor: Person,
    patient: Person,
    daysAgo: number,
    record: { notes?: Record<string, unknown>; drug?: string } = {},
  ): Promise<string> {
    const id = await this.visitToday(doctor, patient);
    for (const status of ['checked_in', 'in_consultation']) await this.setStatus(doctor, id, status);
    if (record.notes)
      await this.expect(
        this.call('PUT', `/api/appointments/${id}/notes`, { token: doctor.token, body: record.notes }),
        200,
      );
    if (record.drug)
      await this.expect(
        this.call('POST', '/api/prescriptions', {
          token: doctor.token,
          body: {
            appointmentId: id,
            items: [{ drug: record.drug, dose: '500 mg', frequency: 'twice a day', durationDays: 5 }],
          },
        }),
        201,
      );
    await this.setStatus(doctor, id, 'completed');
    await this.moveBy(id, -daysAgo);
    return id;
  }

  private async setStatus(doctor: Person, id: string, status: string): Promise<void> {
    await this.expect(
      this.call('POST', `/api/appointments/${id}/status`, { token: doctor.token, body: { status } }),
      200,
    );
  }

  /** Moves the appointment's slot by whole days; it no longer holds the doctor's slot it had. */
  private async moveBy(id: string, days: number): Promise<void> {
    const current = (await this.appointments.findOne({ _id: id })) as unknown as {
      startAt: Date;
      endAt: Date;
    };
    const startAt = new Date(current.startAt.getTime() + days * DAY_MS);
    const endAt = new Date(current.endAt.getTime() + days * DAY_MS);
    const moved = await this.appointments.updateOne(
      { _id: id },
      {
        $set: { startAt, endAt, startDay: startAt.toISOString().slice(0, 10) },
        $unset: { doctorSlotKey: '' },
      },
    );
    if (moved.modifiedCount !== 1) throw new Error(`appointment ${id} was not moved`);
  }

  private async expect(answer: Promise<{ status: number; body: unknown }>, status: number): Promise<void> {
    const { status: got, body } = await answer;
    if (got !== status) throw new Error(`expected ${status}, got ${got}: ${JSON.stringify(body)}`);
  }
}
