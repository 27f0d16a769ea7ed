import { decideCareRelationship, type CareFacts, type PairAppointment } from './care-relationship-rule';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 24 * 3_600_000;
const at = (days: number): Date => new Date(NOW.getTime() + days * DAY);
const visit = (status: PairAppointment['status'], startInDays: number): PairAppointment => ({
  status,
  startAt: at(startInDays),
  endAt: new Date(at(startInDays).getTime() + 30 * 60_000),
});
const decide = (facts: Partial<CareFacts>) =>
  decideCareRelationship({ now: NOW, days: 30, through: { status: 'booked' }, active: [], ...facts });

describe('the care relationship rule', () => {
  it('never opens through a cancelled appointment, even inside a relationship', () => {
    expect(
      decide({
        through: { status: 'cancelled' },
        active: [visit('in_consultation', 0)],
        lastCompleted: visit('completed', -2),
      }),
    ).toEqual({ access: 'none' });
  });

  it('holds during the visit: checked in, in consultation, or booked for within a day', () => {
    expect(decide({ active: [visit('checked_in', 0)] }).access).toBe('care');
    expect(decide({ active: [visit('in_consultation', -0.01)] }).access).toBe('care');
    expect(decide({ active: [visit('booked', 0.5)] })).toEqual({
      access: 'care',
      until: new Date(at(1.5).getTime() + 30 * 60_000),
    });
  });

  it('lets a booking further ahead read only what was chosen for the doctor', () => {
    expect(decide({ active: [visit('booked', 3)] })).toEqual({ access: 'booking' });
  });

  it('lasts the configured days after the last completed consultation, not a day more', () => {
    const tenDaysAgo = { endAt: at(-10) };
    expect(decide({ through: { status: 'completed' }, lastCompleted: tenDaysAgo })).toEqual({
      access: 'care',
      until: at(20),
    });
    expect(decide({ through: { status: 'completed' }, lastCompleted: { endAt: at(-40) } })).toEqual({
      access: 'none',
    });
    expect(decide({ through: { status: 'completed' }, lastCompleted: { endAt: at(-30) } }).access).toBe(
      'care',
    );
    expect(decide({ through: { status: 'completed' }, lastCompleted: { endAt: at(-30.001) } }).access).toBe(
      'none',
    );
    expect(decide({ days: 7, through: { status: 'completed' }, lastCompleted: tenDaysAgo }).access).toBe(
      'none',
    );
  });

  it('ends a visit nobody closed a day after its slot', () => {
    expect(decide({ active: [visit('checked_in', -0.9)] }).access).toBe('care');
    expect(decide({ active: [visit('checked_in', -2)] }).access).toBe('none');
    expect(decide({ active: [visit('booked', -2)] }).access).toBe('none');
  });

  it('takes the later end when a visit and a completed consultation both hold', () => {
    expect(decide({ active: [visit('booked', 0.2)], lastCompleted: { endAt: at(-5) } })).toEqual({
      access: 'care',
      until: at(25),
    });
  });

  it('reopens for a new booking after the relationship lapsed, as booking only until the visit', () => {
    expect(
      decide({
        through: { status: 'completed' },
        active: [visit('booked', 10)],
        lastCompleted: { endAt: at(-40) },
      }),
    ).toEqual({
      access: 'booking',
    });
  });
});
