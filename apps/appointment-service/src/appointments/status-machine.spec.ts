import { APPOINTMENT_STATUSES, type AppointmentStatus } from '@arogyam/contracts';
import { canMove, eventTypeFor, isActive } from './status-machine';

describe('the appointment status machine', () => {
  it('allows exactly the documented moves', () => {
    const allowed = APPOINTMENT_STATUSES.flatMap((from) =>
      APPOINTMENT_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
    );

    expect(allowed.sort()).toEqual(
      [
        'booked→checked_in',
        'booked→no_show',
        'booked→cancelled',
        'checked_in→in_consultation',
        'checked_in→no_show',
        'checked_in→cancelled',
        'in_consultation→completed',
      ].sort(),
    );
  });

  it('counts booked, checked in and in consultation as holding the slot', () => {
    expect(APPOINTMENT_STATUSES.filter(isActive)).toEqual(['booked', 'checked_in', 'in_consultation']);
  });

  it('publishes cancellations and completions as their own facts', () => {
    const types = (['cancelled', 'completed', 'checked_in', 'no_show'] as AppointmentStatus[]).map(
      eventTypeFor,
    );
    expect(types).toEqual([
      'appointment.cancelled',
      'appointment.completed',
      'appointment.status_changed',
      'appointment.status_changed',
    ]);
  });
});
