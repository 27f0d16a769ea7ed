import { eventDurablesOf } from './event-filter';

describe('eventDurablesOf', () => {
  it('gives each handled type its own durable consumer, filtered on exactly its subject', () => {
    expect(eventDurablesOf('chat', ['user.erased', 'appointment.booked'])).toEqual([
      {
        name: 'chat-service_appointment_booked',
        type: 'appointment.booked',
        filterSubject: 'evt.appointment.booked',
      },
      { name: 'chat-service_user_erased', type: 'user.erased', filterSubject: 'evt.user.erased' },
    ]);
  });

  it('names them the same whatever the order the handlers come in, once per type', () => {
    const types = ['user.registered', 'user.secret.password-reset-requested', 'doctor.renamed'];
    expect(eventDurablesOf('notification', [...types].reverse())).toEqual(
      eventDurablesOf('notification', [...types, types[0]]),
    );
    expect(eventDurablesOf('notification', types).map(({ name }) => name)).toEqual([
      'notification-service_doctor_renamed',
      'notification-service_user_registered',
      'notification-service_user_secret_password-reset-requested',
    ]);
  });

  it('refuses a wildcard, which would let other types through', () => {
    for (const type of ['*.renamed', 'user.*', 'user.>', '>', ''])
      expect(() => eventDurablesOf('user', ['doctor.renamed', type])).toThrow(/no wildcards/);
  });
});
