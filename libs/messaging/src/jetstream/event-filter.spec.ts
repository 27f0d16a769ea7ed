import { eventFilterSubject } from './event-filter';

describe('eventFilterSubject', () => {
  it('is the event subject itself for one type', () => {
    expect(eventFilterSubject(['appointment.booked'])).toBe('evt.appointment.booked');
  });

  it('turns the tokens that differ into wildcards', () => {
    expect(eventFilterSubject(['doctor.renamed', 'patient.renamed'])).toBe('evt.*.renamed');
    expect(eventFilterSubject(['user.registered', 'user.suspended', 'user.reactivated'])).toBe('evt.user.*');
    expect(eventFilterSubject(['appointment.booked', 'chat.room_read'])).toBe('evt.*.*');
  });

  it('needs every event when the types have different lengths, or there are none', () => {
    expect(eventFilterSubject(['user.registered', 'user.profile.renamed'])).toBe('evt.>');
    expect(eventFilterSubject([])).toBe('evt.>');
  });
});
