import type { AppointmentReviewView, DoctorSummary, Page, ReviewView } from '@arogyam/contracts';
import { waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { startPlatformAsAdmin, type Platform } from './platform';

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;

/** The doctor takes the appointment from booked to completed, as in the clinic. */
async function complete(doctor: Person, appointmentId: string): Promise<void> {
  for (const status of ['checked_in', 'in_consultation', 'completed']) {
    const moved = await call('POST', `/api/appointments/${appointmentId}/status`, {
      token: doctor.token,
      body: { status },
    });
    expect([moved.status, moved.body.status]).toEqual([200, status]);
  }
}

const searchItem = async (doctor: Person, name: string): Promise<DoctorSummary | undefined> => {
  const found = await call<Page<DoctorSummary>>('GET', `/api/doctors?q=${encodeURIComponent(name)}`);
  return found.body.items.find((item) => item.id === doctor.id);
};

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin({ AUTH_THROTTLE_IP_LIMIT: '1000' }));
}, 90000);

afterAll(async () => {
  await platform?.stop();
});

describe('reviews through the gateway', () => {
  it('a patient reviews a completed consultation once; the doctor’s reviews and search rating show it', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Revathi Subramanian');
    const patient = await registerPatient(call, 'Arjun Dev');
    const stranger = await registerPatient(call, 'Someone Else');
    const appointment = await bookFirstFreeSlot(call, doctor, patient);
    const path = `/api/appointments/${appointment.id}/review`;

    // Search is cached by the gateway: the new rating must still show after the review.
    expect(await searchItem(doctor, 'Revathi')).toMatchObject({ rating: 0, reviewCount: 0 });
    const early = await call('POST', path, { token: patient.token, body: { rating: 5 } });
    expect(early.status).toBe(422);

    await complete(doctor, appointment.id);

    expect((await call('POST', path, { token: patient.token, body: { rating: 9 } })).status).toBe(400);
    expect((await call('POST', path, { token: stranger.token, body: { rating: 5 } })).status).toBe(404);
    expect((await call('POST', path, { token: doctor.token, body: { rating: 5 } })).status).toBe(403);
    expect((await call('GET', path, { token: patient.token })).status).toBe(404);

    const review = await call<AppointmentReviewView>('POST', path, {
      token: patient.token,
      body: { rating: 4, comment: ' Explained everything clearly. ' },
    });
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({
      appointmentId: appointment.id,
      doctorId: doctor.id,
      rating: 4,
      comment: 'Explained everything clearly.',
      reviewerName: 'Arjun D.',
    });
    const again = await call('POST', path, { token: patient.token, body: { rating: 1 } });
    expect([again.status, again.body.error]).toEqual([409, 'Conflict']);

    for (const reader of [patient, doctor]) {
      expect((await call('GET', path, { token: reader.token })).body).toMatchObject({ rating: 4 });
    }
    expect((await call('GET', path, { token: stranger.token })).status).toBe(404);

    const listed = await call<Page<ReviewView>>('GET', `/api/doctors/${doctor.id}/reviews?page=1&limit=5`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [
        {
          id: appointment.id,
          rating: 4,
          comment: 'Explained everything clearly.',
          reviewerName: 'Arjun D.',
          createdAt: expect.any(String),
        },
      ],
      total: 1,
      page: 1,
      limit: 5,
    });
    expect((await call('GET', `/api/doctors/${doctor.id}/reviews?limit=500`)).status).toBe(400);
    expect((await call('GET', `/api/doctors/${doctor.id}`)).body).toMatchObject({
      rating: 4,
      reviewCount: 1,
    });
    // The directory change notice drops the gateway's cached search answers (after its settle time).
    await waitFor(
      async () => (await searchItem(doctor, 'Revathi'))?.reviewCount === 1,
      5000,
      'the rating in search',
    );
    expect(await searchItem(doctor, 'Revathi')).toMatchObject({ rating: 4, reviewCount: 1 });
  });

  it('lists the review routes in the OpenAPI docs', async () => {
    const spec = (await (await fetch(`${platform.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(Object.keys(spec.paths['/api/appointments/{id}/review'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(spec.paths['/api/doctors/{id}/reviews']?.get?.tags).toEqual(['reviews']);
  });

  it('answers 404 for the reviews of an unknown doctor', async () => {
    expect((await call('GET', '/api/doctors/no-such-doctor/reviews')).status).toBe(404);
  });
});
