import type { Page } from 'playwright-core';
import { findMediasoupWorker, launchChromium, waitFor } from '@arogyam/testing';
import { httpClient } from '../e2e/http';
import { signInAdmin, startPlatform, type Platform } from '../e2e/platform';
import { CONSENT, verifiedDoctorWithHours } from '../e2e/people';
import {
  closeAfterTests,
  browserPatient,
  accountOf,
  logIn,
  openBrowserApps,
  type Account,
  type BrowserApps,
} from './flows';
import {
  bookVideoVisits,
  callStatus,
  expectMediaFlowing,
  inboundStats,
  type BookedVisit,
} from './video-flows';

interface AuthBody {
  user: { id: string };
  accessToken: string;
}
interface AppointmentBody extends BookedVisit {
  calls?: { outcome: string; durationSeconds: number }[];
}

/** Short, so the missed call comes within the test. */
const RING_TIMEOUT_SECONDS = 6;
const DOCTOR_ZONE = 'Asia/Kolkata';

/**
 * Getting into a video visit as people do, on the built SPAs against the real platform, in both of
 * video-service's modes (the SFU skips, saying why, only where no worker can be built): the
 * patient's Join video visit and waiting room with its device check, the doctor's queue that shows
 * who waits and admits them, working beside the call, a ring nobody answers (missed-call notice,
 * and joining late), a reload mid-call, a refused camera, and the call records both sides see.
 */
const sfuWorker = findMediasoupWorker();

describe.each([
  ['sfu', Boolean(sfuWorker.bin)],
  ['p2p', true],
] as const)('video visit (%s)', (mode, runs) => {
  const test = runs ? global.test : global.test.skip;
  let platform: Platform;
  let apps: BrowserApps<'patient' | 'doctor'>;

  const unique = Math.random().toString(36).slice(2, 7);
  const doctorName = `Dr Meera Pillai ${unique}`;
  const patient = browserPatient(`Sunil Verma ${unique}`, unique);
  let doctorAccount: Account;
  let patientToken: string;
  /** Three video appointments at the next free slots: one per test. */
  let appointments: AppointmentBody[];

  beforeAll(async () => {
    if (!runs) return;
    platform = await startPlatform(
      {},
      { video: mode, videoEnv: { VIDEO_RING_TIMEOUT_SECONDS: String(RING_TIMEOUT_SECONDS) } },
    );
    const call = httpClient(platform.baseUrl);
    const admin = await signInAdmin(call);
    const doctor = await verifiedDoctorWithHours(call, admin.token, doctorName);
    doctorAccount = await accountOf(call, 'doctor', doctor);

    const patientAuth = await call<AuthBody>('POST', '/api/patients/register', {
      body: { ...CONSENT, ...patient },
    });
    expect(patientAuth.status).toBe(201);
    patientToken = patientAuth.body.accessToken;
    appointments = await bookVideoVisits(call, doctor.id, patientToken, 3, 'Follow-up');
    apps = await openBrowserApps(platform.baseUrl, ['patient', 'doctor']);
  }, 120000);

  closeAfterTests('video-visit', () => ({ apps, platform }));

  /** The doctor's queue of the appointment's day (the doctor's own zone). */
  const queueOf = (appointment: AppointmentBody): string => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: DOCTOR_ZONE }).format(
      new Date(appointment.startAt),
    );
    return `${apps.urls.doctor}/queue?date=${day}`;
  };

  /** The queue entry of the appointment (its patient's name links to it). */
  const queueEntry = (page: Page, appointment: AppointmentBody) =>
    page.getByRole('listitem').filter({ has: page.locator(`a[href="/appointments/${appointment.id}"]`) });

  async function signedIn(app: 'patient' | 'doctor'): Promise<Page> {
    const page = await apps.pages.open();
    await logIn(page, apps.urls[app], app === 'patient' ? patient : doctorAccount);
    return page;
  }

  test('the patient waits in the waiting room before the doctor; the doctor admits; both decode video; the call record shows on both sides', async () => {
    const visit = appointments[0];
    const patientPage = await signedIn('patient');
    // The home page offers the open visit.
    await patientPage.goto(apps.urls.patient);
    const home = patientPage.getByRole('region', { name: 'Your video visit' });
    await home.getByRole('link', { name: 'Join video visit' }).first().waitFor();
    await patientPage.goto(`${apps.urls.patient}/appointments/${visit.id}`);
    await patientPage.getByRole('link', { name: 'Join video visit' }).click();
    await patientPage.waitForURL(new RegExp(`/calls/${visit.id}$`));

    // The waiting room with its device check.
    await patientPage.getByRole('heading', { name: 'Waiting room' }).waitFor();
    await patientPage.getByText('You are in the waiting room.', { exact: false }).waitFor();
    await patientPage.getByLabel('Camera preview').waitFor();
    await patientPage.getByRole('combobox', { name: 'Camera' }).waitFor();
    await patientPage.getByRole('combobox', { name: 'Microphone' }).waitFor();
    // The fake microphone beeps: the meter moves.
    await patientPage.waitForFunction(
      () => Number((document.getElementById('mic-level') as HTMLMeterElement | null)?.value ?? 0) > 0,
      undefined,
      { timeout: 10000 },
    );
    // Choosing a camera again opens the camera again, and the preview plays.
    const camera = patientPage.getByRole('combobox', { name: 'Camera' });
    const cameraId = await camera.inputValue();
    await camera.selectOption(cameraId);
    await patientPage.waitForFunction(() => {
      const video = document.querySelector('video[aria-label="Camera preview"]') as HTMLVideoElement | null;
      return Boolean(video && video.readyState >= 2 && video.videoWidth > 0);
    });

    // The doctor's queue shows who waits, since when, and admits them.
    const doctorPage = await signedIn('doctor');
    await doctorPage.goto(queueOf(visit));
    const entry = queueEntry(doctorPage, visit);
    await entry.getByText(/^Waiting since /).waitFor();
    await entry.getByRole('button', { name: 'Admit' }).click();
    await doctorPage.waitForURL(new RegExp(`/calls/${visit.id}$`));

    await callStatus(doctorPage, 'Connected').waitFor({ timeout: 20000 });
    await callStatus(patientPage, 'Connected').waitFor({ timeout: 20000 });
    await expectMediaFlowing(doctorPage);
    await expectMediaFlowing(patientPage);

    // Each sees themself in the small overlay.
    for (const page of [doctorPage, patientPage]) {
      await page.waitForFunction(() => {
        const self = document.querySelector('video[aria-label="Your camera"]') as HTMLVideoElement | null;
        return Boolean(self && self.readyState >= 2 && self.videoWidth > 0);
      });
    }

    // Another camera and another microphone mid-call: the self view shows the new devices' live
    // tracks, and the doctor keeps decoding video and receiving sound from them.
    await patientPage.getByRole('button', { name: 'Devices' }).click();
    const devices = patientPage.getByRole('region', { name: 'Camera and microphone' });
    for (const label of ['Camera', 'Microphone']) {
      const picker = devices.getByRole('combobox', { name: label });
      const current = await picker.inputValue();
      // Not Chromium's fake_device_1: it is a depth camera (Y16) that no video encoder takes.
      const choices = await picker
        .locator('option')
        .evaluateAll((options) =>
          (options as HTMLOptionElement[]).map((option) => ({ value: option.value, name: option.text })),
        );
      const other = choices.find(
        (choice) => choice.value && choice.value !== current && choice.name !== 'fake_device_1',
      )?.value;
      if (!other) throw new Error(`only one ${label} to choose from`);
      await picker.selectOption(other);
      await patientPage.waitForFunction(
        ([kind, deviceId]) => {
          const self = document.querySelector('video[aria-label="Your camera"]') as HTMLVideoElement | null;
          const stream = self?.srcObject as MediaStream | null;
          const track = kind === 'Camera' ? stream?.getVideoTracks()[0] : stream?.getAudioTracks()[0];
          return track?.readyState === 'live' && track.getSettings().deviceId === deviceId;
        },
        [label, other] as const,
        { timeout: 10000 },
      );
    }
    expect(await devices.getByRole('alert').count()).toBe(0);
    const audioBefore = (await inboundStats(doctorPage)).audioBytesReceived;
    await expectMediaFlowing(doctorPage);
    expect((await inboundStats(doctorPage)).audioBytesReceived).toBeGreaterThan(audioBefore);
    await callStatus(patientPage, 'Connected').waitFor();

    // The doctor works beside the video: notes, then the prescription composer; the call goes on.
    await doctorPage.getByRole('button', { name: 'Notes' }).click();
    const notes = doctorPage.getByRole('complementary', { name: 'Notes during the call' });
    await notes.getByRole('heading', { name: 'Clinical notes' }).waitFor();
    await notes.getByLabel('Subjective').fill('Rash on both forearms for a week');
    await expectMediaFlowing(doctorPage);
    await expectMediaFlowing(patientPage);
    await doctorPage.getByRole('button', { name: 'Prescription' }).click();
    const composer = doctorPage.getByRole('complementary', { name: 'Prescription during the call' });
    await composer.getByRole('heading', { name: 'Write a prescription' }).waitFor();
    await callStatus(doctorPage, 'Connected').waitFor();
    await expectMediaFlowing(doctorPage);
    await expectMediaFlowing(patientPage);
    // The controls stay on screen, on a desktop and on a phone.
    const endCall = doctorPage.getByRole('button', { name: 'End call' });
    for (const size of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      await doctorPage.setViewportSize(size);
      await doctorPage.evaluate(() => window.scrollTo(0, 0));
      const box = await endCall.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= size.height).toBe(true);
    }

    // Ending asks whether the consultation is complete.
    await doctorPage.getByRole('button', { name: 'End call' }).click();
    await doctorPage
      .getByRole('dialog', { name: 'End the call?' })
      .getByRole('button', { name: 'End and complete the consultation' })
      .click();
    await callStatus(doctorPage, 'Call ended').waitFor();
    await callStatus(patientPage, 'Call ended').waitFor();

    // The record, on both sides (appointment-service keeps it from video-service's event).
    for (const [page, url] of [
      [patientPage, `${apps.urls.patient}/appointments/${visit.id}`],
      [doctorPage, `${apps.urls.doctor}/appointments/${visit.id}`],
    ] as const) {
      // The event is consumed after the call ends; the page shows records as loaded, so look again
      // until it is there (quick here, seconds on a busy machine).
      const records = page.getByRole('list', { name: 'Video calls' });
      const recorded = records.getByText('Joined: Doctor, Patient');
      const deadline = Date.now() + 30_000;
      for (;;) {
        await page.goto(url);
        const shown = await recorded.waitFor({ timeout: 5000 }).then(
          () => true,
          () => false,
        );
        if (shown || Date.now() > deadline) break;
      }
      await records.getByText('Completed', { exact: true }).waitFor();
      await recorded.waitFor();
    }
    await doctorPage.getByText('Completed', { exact: true }).first().waitFor();
  }, 180000);

  test('a ring nobody answers is missed: the patient gets a missed-call notice, joins late, is admitted, rejoins after a reload and after a dropped connection, with banners on both sides', async () => {
    const visit = appointments[1];
    const patientPage = await signedIn('patient');
    await patientPage.getByRole('link', { name: 'My appointments' }).waitFor();

    const doctorPage = await signedIn('doctor');
    await doctorPage.goto(`${apps.urls.doctor}/appointments/${visit.id}`);
    await doctorPage.getByRole('button', { name: 'Start video call' }).click();
    await callStatus(doctorPage, 'Ringing…').waitFor();

    // The patient lets it ring.
    const prompt = patientPage.getByRole('alertdialog');
    await prompt.getByText(`${doctorName} is calling`).waitFor();
    await callStatus(doctorPage, 'No answer').waitFor({ timeout: (RING_TIMEOUT_SECONDS + 10) * 1000 });
    await prompt.waitFor({ state: 'detached' });
    const notice = patientPage.getByRole('alert').filter({ hasText: 'You missed a video call from' });
    await notice.waitFor();
    // And the notification (notification-service, from the call's record).
    await patientPage
      .getByRole('button', { name: /^Notifications, [1-9]\d* unread$/ })
      .waitFor({ timeout: 15000 });
    await patientPage.getByRole('button', { name: /^Notifications/ }).click();
    await patientPage.getByText(`Missed video call from ${doctorName}`).first().waitFor();
    // Closed again, as a person would, so the panel no longer lies over the page.
    await patientPage.getByRole('button', { name: /^Notifications/ }).click();

    // Late, the patient joins from the notice; the doctor, still on the call page, admits.
    await notice.getByRole('link', { name: 'Join video visit' }).click();
    await patientPage.getByRole('heading', { name: 'Waiting room' }).waitFor();
    await doctorPage.getByText(/is waiting since/).waitFor();
    await doctorPage.getByRole('button', { name: 'Admit' }).click();
    await callStatus(doctorPage, 'Connected').waitFor({ timeout: 20000 });
    await callStatus(patientPage, 'Connected').waitFor({ timeout: 20000 });
    await expectMediaFlowing(doctorPage);
    await expectMediaFlowing(patientPage);

    // The patient reloads mid-call: the doctor sees a banner while they are gone; the patient is
    // back in the same call, media both ways again, and the banner goes.
    const away = doctorPage.getByText(/lost their connection\. Waiting for them to come back/);
    const bannerShown = away.waitFor({ timeout: 20000 });
    await patientPage.reload();
    await bannerShown;
    await callStatus(patientPage, 'Connected').waitFor({ timeout: 20000 });
    await callStatus(doctorPage, 'Connected').waitFor({ timeout: 20000 });
    await expectMediaFlowing(patientPage);
    await expectMediaFlowing(doctorPage);
    await away.waitFor({ state: 'detached' });

    // The patient's connection drops (the network, not the page): a banner on both sides meanwhile,
    // the patient's call reconnecting (not "Connected" on the old media's word), then the page
    // reconnects, joins again and the call goes on, without a reload.
    const lost = patientPage.getByText('Connection lost. Reconnecting…');
    const lostShown = lost.waitFor({ timeout: 20000 });
    const reconnecting = callStatus(patientPage, 'Reconnecting…').waitFor({ timeout: 20000 });
    const doctorBanner = away.waitFor({ timeout: 20000 });
    await patientPage.evaluate(() => window.__arogyamCallSocket?.io.engine.close());
    await Promise.all([lostShown, reconnecting, doctorBanner]);
    await lost.waitFor({ state: 'detached', timeout: 20000 });
    await away.waitFor({ state: 'detached', timeout: 20000 });
    await callStatus(patientPage, 'Connected').waitFor({ timeout: 20000 });
    await expectMediaFlowing(patientPage);
    await expectMediaFlowing(doctorPage);

    await patientPage.getByRole('button', { name: 'End call' }).click();
    await callStatus(doctorPage, 'Call ended').waitFor();

    // Both calls are kept on the appointment, oldest first.
    const outcomes = await waitFor(
      async () => {
        const { body } = await httpClient(platform.baseUrl)<AppointmentBody>(
          'GET',
          `/api/appointments/${visit.id}`,
          { token: patientToken },
        );
        return body.calls?.length === 2 ? body.calls.map((call) => call.outcome) : undefined;
      },
      10000,
      'two call records',
    );
    expect(outcomes).toEqual(['missed', 'completed']);
  }, 180000);

  test('a refused camera and microphone: the check says so and offers the way back', async () => {
    const visit = appointments[2];
    // A browser that does not answer the permission prompt for the page, and the site blocked.
    const browser = await launchChromium({ answersMediaPrompts: false });
    try {
      const patientPage = await browser.newPage();
      await logIn(patientPage, apps.urls.patient, patient);
      await denyCameraAndMicrophone(patientPage, apps.urls.patient);
      await patientPage.goto(`${apps.urls.patient}/calls/${visit.id}`);
      await patientPage.getByRole('heading', { name: 'Camera and microphone check' }).waitFor();
      await patientPage
        .getByRole('alert')
        .getByText('Arogyam could not use your camera and microphone.', { exact: false })
        .waitFor();
      await patientPage.getByRole('button', { name: 'Try again' }).waitFor();
      await patientPage.getByRole('link', { name: 'Back to the appointment' }).click();
      await patientPage.waitForURL(new RegExp(`/appointments/${visit.id}$`));
      await patientPage.getByRole('heading', { name: /^Appointment with / }).waitFor();
    } finally {
      await browser.close();
    }
  }, 60000);
});

/**
 * Blocks the camera and microphone for the app's origin in this page's browser context, as a
 * person does in the site settings (Chromium's own permission store, through the DevTools protocol).
 */
async function denyCameraAndMicrophone(page: Page, appUrl: string): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const pageSession = await page.context().newCDPSession(page);
  const { targetInfo } = await pageSession.send('Target.getTargetInfo');
  const session = await browser.newBrowserCDPSession();
  const origin = new URL(appUrl).origin;
  for (const name of ['camera', 'microphone']) {
    await session.send('Browser.setPermission', {
      permission: { name },
      setting: 'denied',
      origin,
      browserContextId: targetInfo.browserContextId,
    });
  }
}
