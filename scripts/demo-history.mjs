// The demo patient's history: one consultation completed and one to come, so both tabs of "My
// appointments" (and the two doctors' lists) show something at first sight. Made only while the
// patient has no appointment at all, so a second seed adds nothing. The API books only future
// times, so the completed visit is one booked for the next free slot and completed at once.

import { call } from './demo-api.mjs';

const HOUR = 3_600_000;

async function bookFirstFree(base, doctor, patientToken, fromHours, reason) {
  const from = new Date(Date.now() + fromHours * HOUR).toISOString();
  const to = new Date(Date.now() + (fromHours + 72) * HOUR).toISOString();
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const slots = await call(base, 'GET', `/api/doctors/${doctor.id}/slots?${query}`);
  const slot = slots.body?.slots?.find((candidate) => candidate.available);
  if (!slot) throw new Error(`history: no free time with ${doctor.email}`);
  const booked = await call(
    base,
    'POST',
    '/api/appointments',
    { doctorId: doctor.id, startAt: slot.startAt, mode: 'video', reason },
    patientToken,
  );
  if (booked.status !== 201) throw new Error(`history: booking answered ${booked.status}`);
  return booked.body;
}

/** `past` and `upcoming` are signed-in demo doctors `{id, email, token}`. */
export async function seedHistory(base, patientToken, past, upcoming) {
  const existing = await call(base, 'GET', '/api/appointments?limit=1', undefined, patientToken);
  if (existing.status !== 200) throw new Error(`history: listing answered ${existing.status}`);
  if (existing.body.total > 0) return;

  const visit = await bookFirstFree(base, past, patientToken, 0, 'Sneezing and a blocked nose every morning');
  for (const status of ['checked_in', 'in_consultation', 'completed']) {
    const moved = await call(base, 'POST', `/api/appointments/${visit.id}/status`, { status }, past.token);
    if (moved.status !== 200) throw new Error(`history: ${status} answered ${moved.status}`);
  }
  await bookFirstFree(base, upcoming, patientToken, 24, 'Follow-up on blood sugar results');
}
