import { doctorSlotKey } from './doctor-slot-key';

describe('doctorSlotKey', () => {
  it('is the same for the same instant however it was written', () => {
    expect(doctorSlotKey('d-1', new Date('2027-01-04T09:30:00+05:30'))).toBe(
      doctorSlotKey('d-1', new Date('2027-01-04T04:00:00.000Z')),
    );
  });

  it('differs between doctors and between starts', () => {
    const at = new Date('2027-01-04T04:00:00Z');
    expect(doctorSlotKey('d-1', at)).not.toBe(doctorSlotKey('d-2', at));
    expect(doctorSlotKey('d-1', at)).not.toBe(doctorSlotKey('d-1', new Date('2027-01-04T04:30:00Z')));
  });
});
