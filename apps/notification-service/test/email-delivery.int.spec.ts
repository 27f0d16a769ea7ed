import {
  AppointmentEventTypes,
  NotificationSubjects,
  type EventEnvelope,
  type NotificationInboxPage,
} from '@arogyam/contracts';
import { freePort, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { ControlledClock } from './support/controlled-clock';
import { appointmentBetween, eventAt } from './support/events';
import { onClock } from './support/instances';
import { ProfileServices, type TestPerson } from './support/profile-services';
import { SmtpInbox } from './support/smtp-inbox';

const START = new Date('2026-12-01T04:30:00.000Z');

/** Email through nodemailer to a real SMTP server that the test runs, read back with mailparser. */
describe('notification-service: email over SMTP', () => {
  const clock = new ControlledClock(new Date('2026-11-20T06:00:00.000Z'));
  let service: ServiceUnderTest;
  let profiles: ProfileServices;
  let smtp: SmtpInbox;

  beforeAll(async () => {
    smtp = new SmtpInbox(await freePort());
    await smtp.start();
    service = await startServiceUnderTest(onClock(clock), { SMTP_URL: smtp.url });
    profiles = new ProfileServices(service.nats);
    await profiles.start();
  });

  afterAll(async () => {
    await service?.stop();
    await smtp?.stop();
  });

  const booked = async (doctor: TestPerson, patient: TestPerson): Promise<EventEnvelope> => {
    const event = eventAt(clock, AppointmentEventTypes.booked, appointmentBetween(doctor, patient, START));
    await service.events.publish(event);
    return event;
  };
  const mailTo = (person: TestPerson) =>
    waitFor(() => smtp.to(person.email)[0], 10000, `an email to ${person.email}`);
  const emailRecord = (event: EventEnvelope, person: TestPerson) =>
    service.db.collection('notifications').findOne({ _id: `${event.id}:${person.id}:email` } as object);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));
  /** The record is written `sent` with the claim, before the mail goes: a failed send removes or changes it. */
  const sentRecord = (event: EventEnvelope, person: TestPerson) =>
    waitFor(
      async () => {
        const found = await emailRecord(event, person);
        return found?.status === 'sent' ? found : undefined;
      },
      5000,
      `the email to ${person.email} recorded as sent`,
    );

  it('a booking is mailed to each side: subject, recipient, and a body naming doctor, patient and the time in the reader’s zone', async () => {
    const doctor = profiles.doctor('Meera Iyer');
    const patient = profiles.patient('Tom Baker');
    await service.rpc.send(NotificationSubjects.setPreferences, {
      actor: { userId: patient.id, role: 'patient' },
      body: { timezone: 'America/New_York' },
    });
    const event = await booked(doctor, patient);

    const toPatient = await mailTo(patient);
    expect(toPatient.rcptTo).toEqual([patient.email]);
    expect(toPatient.mail.to).toMatchObject({ value: [{ address: patient.email }] });
    expect(toPatient.mail.from?.value).toEqual([{ name: 'Arogyam', address: 'no-reply@arogyam.dev' }]);
    expect(toPatient.mail.subject).toBe('Appointment booked with Dr. Meera Iyer');
    expect(toPatient.mail.text).toContain('Hello Tom Baker,');
    expect(toPatient.mail.text).toContain(
      'Your video consultation with Dr. Meera Iyer (Cardiology) is booked for Monday, 30 November 2026 at 11:30 pm GMT-5.',
    );
    expect(toPatient.mail.messageId).toBe(`<${event.id}.${patient.id}.email@notifications.arogyam>`);

    const toDoctor = await mailTo(doctor);
    expect(toDoctor.mail.subject).toBe('New appointment with Tom Baker');
    expect(toDoctor.mail.text).toContain('Hello Dr. Meera Iyer,');
    expect(toDoctor.mail.text).toContain(
      'Tom Baker booked a video consultation with you for Tuesday, 1 December 2026 at 10:00 am IST.',
    );

    expect(await sentRecord(event, patient)).toMatchObject({ status: 'sent', to: patient.email });
    await settle();
    expect(smtp.to(patient.email)).toHaveLength(1);
    expect(smtp.to(doctor.email)).toHaveLength(1);
  });

  it('a recipient the server refuses for good is recorded as failed and not retried; the event is done', async () => {
    const doctor = profiles.doctor('Kabir Menon');
    const patient = profiles.patient('Refused Reader');
    patient.email = `refused.${patient.email}`; // the stand-in profile service answers this address
    const event = await booked(doctor, patient);

    await mailTo(doctor);
    const record = await waitFor(async () => {
      const found = await emailRecord(event, patient);
      return found?.status === 'failed' ? found : undefined;
    });
    expect(record?.error).toMatch(/550/);
    await settle();
    expect(smtp.to(doctor.email)).toHaveLength(1);
    const inbox = await service.rpc.send<NotificationInboxPage>(NotificationSubjects.listInbox, {
      actor: { userId: patient.id, role: 'patient' },
    });
    expect(inbox.total).toBe(1);
  });

  it('while the SMTP server is down the email waits, and goes out once when it is back', async () => {
    const doctor = profiles.doctor('Anil Shah');
    const patient = profiles.patient('Waiting Reader');
    await smtp.stop();
    let event: EventEnvelope;
    try {
      event = await booked(doctor, patient);
      // The event was handled (its in-app notice is written before the email is tried) …
      await waitFor(
        async () => {
          const inbox = await service.rpc.send<NotificationInboxPage>(NotificationSubjects.listInbox, {
            actor: { userId: patient.id, role: 'patient' },
          });
          return inbox.total === 1 || undefined;
        },
        10000,
        'the booking handled',
      );
      // … and each failed attempt released its claim: no record is left for the email.
      const claim = event;
      await waitFor(async () => (await emailRecord(claim, patient)) === null || undefined, 10000, 'the claim released');
    } finally {
      await smtp.start();
    }
    await mailTo(patient);
    await mailTo(doctor);
    await settle();
    expect(smtp.to(patient.email)).toHaveLength(1);
    expect(smtp.to(doctor.email)).toHaveLength(1);
    expect(await emailRecord(event, patient)).toMatchObject({ status: 'sent' });
  });
});
