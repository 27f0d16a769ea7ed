import { daysOf, IN_FLIGHT_MS, isHoldOf, isInFlight, overlaps, stillHolds } from './day-holds';

const at = (iso: string): Date => new Date(iso);
const span = (from: string, to: string) => ({ startAt: at(from), endAt: at(to) });

describe('a patient’s day holds', () => {
  it('overlap when they share an instant; back-to-back times do not', () => {
    const nine = span('2027-01-04T09:00:00Z', '2027-01-04T09:30:00Z');
    expect(overlaps(nine, span('2027-01-04T09:15:00Z', '2027-01-04T10:15:00Z'))).toBe(true);
    expect(overlaps(nine, span('2027-01-04T08:00:00Z', '2027-01-04T12:00:00Z'))).toBe(true);
    expect(overlaps(nine, nine)).toBe(true);
    expect(overlaps(nine, span('2027-01-04T09:30:00Z', '2027-01-04T10:00:00Z'))).toBe(false);
    expect(overlaps(nine, span('2027-01-04T08:30:00Z', '2027-01-04T09:00:00Z'))).toBe(false);
  });

  it('are kept on every UTC day a time touches, so overlapping times always meet on one', () => {
    expect(daysOf(span('2027-01-04T09:00:00Z', '2027-01-04T09:30:00Z'))).toEqual(['2027-01-04']);
    expect(daysOf(span('2027-01-04T23:30:00Z', '2027-01-05T00:00:00Z'))).toEqual(['2027-01-04']);
    expect(daysOf(span('2027-01-04T23:30:00Z', '2027-01-05T00:30:00Z'))).toEqual([
      '2027-01-04',
      '2027-01-05',
    ]);
    const late = span('2027-01-04T23:30:00Z', '2027-01-05T00:30:00Z');
    const early = span('2027-01-05T00:00:00Z', '2027-01-05T00:30:00Z');
    expect(overlaps(late, early)).toBe(true);
    expect(daysOf(late).filter((day) => daysOf(early).includes(day))).toEqual(['2027-01-05']);
  });

  it('belong to one appointment and one exact time', () => {
    const hold = {
      appointmentId: 'a-1',
      ...span('2027-01-04T09:00:00Z', '2027-01-04T09:30:00Z'),
      heldAt: new Date(),
    };
    const time = { appointmentId: 'a-1', patientId: 'p-1', startAt: hold.startAt, endAt: hold.endAt };
    expect(isHoldOf(hold, time)).toBe(true);
    expect(isHoldOf(hold, { ...time, appointmentId: 'a-2' })).toBe(false);
    expect(isHoldOf(hold, { ...time, endAt: at('2027-01-04T10:00:00Z') })).toBe(false);
  });

  it('count while young, and afterwards only while their appointment is active at that time', () => {
    const now = at('2027-01-01T00:00:00Z');
    const hold = {
      appointmentId: 'a-1',
      ...span('2027-01-04T09:00:00Z', '2027-01-04T09:30:00Z'),
      heldAt: new Date(now.getTime() - IN_FLIGHT_MS + 1),
    };
    expect(isInFlight(hold, now)).toBe(true);
    expect(isInFlight({ ...hold, heldAt: new Date(now.getTime() - IN_FLIGHT_MS) }, now)).toBe(false);

    const appointment = { _id: 'a-1', status: 'booked' as const, startAt: hold.startAt, endAt: hold.endAt };
    expect(stillHolds(appointment, hold)).toBe(true);
    expect(stillHolds({ ...appointment, status: 'in_consultation' }, hold)).toBe(true);
    expect(stillHolds(null, hold)).toBe(false);
    expect(stillHolds({ ...appointment, status: 'cancelled' }, hold)).toBe(false);
    expect(stillHolds({ ...appointment, status: 'completed' }, hold)).toBe(false);
    expect(stillHolds({ ...appointment, startAt: at('2027-01-04T10:00:00Z') }, hold)).toBe(false);
  });
});
