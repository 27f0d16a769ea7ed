import { doctorSlotKey, patientBusyKeys } from './time-keys';

const at = (iso: string): Date => new Date(iso);

describe('doctorSlotKey', () => {
  it('is the same for the same instant however it was written', () => {
    expect(doctorSlotKey('d-1', at('2027-01-04T09:30:00+05:30'))).toBe(
      doctorSlotKey('d-1', at('2027-01-04T04:00:00.000Z')),
    );
  });
});

describe('patientBusyKeys', () => {
  it('covers every 5-minute bucket of the appointment, in distinct fields', () => {
    const keys = patientBusyKeys('p-1', at('2027-01-04T04:00:00Z'), at('2027-01-04T04:15:00Z'));

    expect(Object.values(keys).sort()).toEqual([
      'p-1|2027-01-04T04:00:00.000Z',
      'p-1|2027-01-04T04:05:00.000Z',
      'p-1|2027-01-04T04:10:00.000Z',
    ]);
  });

  it('puts a shared bucket of two overlapping appointments into the same field with the same value', () => {
    const first = patientBusyKeys('p-1', at('2027-01-04T04:00:00Z'), at('2027-01-04T05:00:00Z'));
    const second = patientBusyKeys('p-1', at('2027-01-04T04:45:00Z'), at('2027-01-04T05:15:00Z'));

    const shared = Object.entries(second).filter(([field, value]) => first[field] === value);
    expect(shared.map(([, value]) => value).sort()).toEqual([
      'p-1|2027-01-04T04:45:00.000Z',
      'p-1|2027-01-04T04:50:00.000Z',
      'p-1|2027-01-04T04:55:00.000Z',
    ]);
  });

  it('shares nothing between back-to-back appointments, or with another patient', () => {
    const first = patientBusyKeys('p-1', at('2027-01-04T04:00:00Z'), at('2027-01-04T04:30:00Z'));
    const next = patientBusyKeys('p-1', at('2027-01-04T04:30:00Z'), at('2027-01-04T05:00:00Z'));
    const other = patientBusyKeys('p-2', at('2027-01-04T04:00:00Z'), at('2027-01-04T04:30:00Z'));

    for (const keys of [next, other]) {
      expect(Object.entries(keys).some(([field, value]) => first[field] === value)).toBe(false);
    }
  });

  it('fills all 48 fields for a 4-hour slot and refuses anything longer', () => {
    expect(
      Object.keys(patientBusyKeys('p-1', at('2027-01-04T00:00:00Z'), at('2027-01-04T04:00:00Z'))),
    ).toHaveLength(48);
    expect(() => patientBusyKeys('p-1', at('2027-01-04T00:00:00Z'), at('2027-01-04T04:05:00Z'))).toThrow(
      /at most 48/,
    );
  });
});
