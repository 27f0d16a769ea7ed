#!/usr/bin/env node
// Video call setup (issue: video consultations): 20 calls between a doctor and a patient in two
// headless Chromium contexts with fake camera and microphone, through the built SPAs and the
// real platform. Measures, per call, the time until each side decodes its first video frame
// (getStats: inbound-rtp framesDecoded > 0) and reports p50/p99.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ADMIN, CONSENT, call, machine, percentile, root, startStack } from './lib/stack.mjs';

const require = createRequire(import.meta.url);
const testing = require(join(root, 'libs/testing/dist/index.js'));
const { JSONCodec } = require('nats');

const CALLS = Number(process.env.BENCH_VIDEO_CALLS ?? 20);

const HOUR = 3_600_000;
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

/** BENCH_VIDEO_MODE (sfu or p2p); by default the SFU where this machine has a mediasoup worker. */
function videoMode() {
  const wanted = process.env.BENCH_VIDEO_MODE;
  if (wanted === 'sfu' || wanted === 'p2p') return wanted;
  try {
    return testing.findMediasoupWorker().bin ? 'sfu' : 'p2p';
  } catch {
    return 'p2p';
  }
}

/**
 * Resolves, in the page, with the wall-clock time the current call (the call hook's test hook,
 * `window.__arogyamCall`) first reports a decoded video frame. Polls every 10 ms.
 */
const firstFrameAt = (page) =>
  // Runs in the page: `globalThis` is its window.
  page.evaluate(async (timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    let firstPacketAt;
    while (Date.now() < deadline) {
      const current = globalThis.__arogyamCall;
      if (current) {
        let frames = 0;
        let packets = 0;
        let plis = 0;
        (await current.getStats()).forEach((stat) => {
          if (stat.type !== 'inbound-rtp' || stat.kind !== 'video') return;
          frames += Number(stat.framesDecoded ?? 0);
          packets += Number(stat.packetsReceived ?? 0);
          plis += Number(stat.pliCount ?? 0);
        });
        if (packets > 0 && firstPacketAt === undefined) firstPacketAt = Date.now();
        if (frames > 0) return { at: Date.now(), firstPacketAt, plis };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no decoded video frame');
  }, 30_000);

/**
 * What the page's camera sender does until `stopSenderLogs`: per simulcast layer, its first encoded
 * frame, each keyframe encoded and each keyframe request (PLI/FIR) it received, as steps with the
 * wall-clock time they were seen (outbound-rtp polled every 10 ms). It shows whether a slow first
 * picture waited for a request that never reached the sender or for a sender that did not answer.
 * SFU only (the send transport's stats); empty peer-to-peer. Only with BENCH_VIDEO_SENDERS=1: the
 * extra polling costs CPU the calls would otherwise have, so the timed runs go without it.
 */
const SENDER_LOGS = process.env.BENCH_VIDEO_SENDERS === '1';
const senderLog = (page) =>
  !SENDER_LOGS
    ? Promise.resolve([])
    : page
        .evaluate(async (timeoutMs) => {
          const deadline = Date.now() + timeoutMs;
          const seen = new Map();
          const steps = [];
          globalThis.__benchSenderLogStop = false;
          while (Date.now() < deadline && !globalThis.__benchSenderLogStop) {
            const stats = await globalThis.__arogyamCall?.getSendStats?.().catch(() => undefined);
            stats?.forEach((stat) => {
              if (stat.type !== 'outbound-rtp' || stat.kind !== 'video') return;
              const layer = stat.rid ?? String(stat.ssrc);
              const before = seen.get(layer) ?? { frames: 0, keyframes: 0, requests: 0 };
              const now = {
                frames: Number(stat.framesEncoded ?? 0),
                keyframes: Number(stat.keyFramesEncoded ?? 0),
                requests: Number(stat.pliCount ?? 0) + Number(stat.firCount ?? 0),
              };
              const at = Date.now();
              if (before.frames === 0 && now.frames > 0)
                steps.push({
                  at,
                  step: `sends layer ${layer}: first frame encoded (${stat.frameWidth ?? '?'} wide)`,
                });
              if (now.requests > before.requests)
                steps.push({
                  at,
                  step: `sends layer ${layer}: keyframe request received (${now.requests} so far)`,
                });
              if (now.keyframes > before.keyframes)
                steps.push({ at, step: `sends layer ${layer}: keyframe encoded (${now.keyframes} so far)` });
              seen.set(layer, now);
            });
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          return steps;
        }, 15_000)
        .catch(() => []); // the page navigated meanwhile: no account, the call still counts

const stopSenderLogs = (...pages) =>
  Promise.all(
    pages.map((page) => page.evaluate(() => (globalThis.__benchSenderLogStop = true)).catch(() => undefined)),
  );

/** The media session's set-up steps (sfu-media.ts, `CallSteps`), empty peer-to-peer. */
const stepsOf = (page) => page.evaluate(() => [...(globalThis.__arogyamCall?.steps?.list ?? [])]);

/** Both sides' steps and first frames as one timeline, in ms from `from`, in order. */
async function timeline(from, sides) {
  const rows = [];
  for (const [side, page, frameAt, sent = []] of sides) {
    for (const { step, at } of [...(await stepsOf(page)), ...sent]) rows.push({ side, step, ms: at - from });
    if (frameAt.firstPacketAt !== undefined)
      rows.push({ side, step: 'first video packet received', ms: frameAt.firstPacketAt - from });
    rows.push({
      side,
      step: `first decoded video frame (${frameAt.plis} keyframe requests sent by then)`,
      ms: frameAt.at - from,
    });
  }
  return rows.sort((a, b) => a.ms - b.ms);
}

/** The call screen's status line. */
const callStatus = (page, text) =>
  page.getByRole('region', { name: 'Video call' }).getByRole('status').getByText(text, { exact: true });

/** video-service's own answer (`video.status.get`): p2p or sfu, and its workers. */
async function videoStatus(infra) {
  // Not routed by the gateway: asked as the admin user of the benchmark's NATS.
  const nc = await testing.connectAs(infra);
  try {
    const codec = JSONCodec();
    const reply = await nc.request(
      'video.status.get',
      codec.encode({ pattern: 'video.status.get', data: {}, id: randomUUID() }),
      { timeout: 5000 },
    );
    return codec.decode(reply.data).response;
  } finally {
    await nc.close();
  }
}

/** A verified doctor with round-the-clock hours, a patient, and `count` video appointments between them. */
async function seed(base, count) {
  const admin = (await call(base, 'POST', '/api/admin/login', { body: ADMIN })).body.accessToken;
  const doctor = { email: 'videodoc@bench.test', password: 'bench-doctor-1' };
  const registered = await call(base, 'POST', '/api/doctors/register', {
    body: {
      ...CONSENT,
      ...doctor,
      fullName: 'Dr Video Bench',
      specialization: 'General Medicine',
      licenseNumber: 'VIDEO-100001',
      yearsOfExperience: 5,
      consultationFee: { amount: 30000, currency: 'INR' },
    },
  });
  const doctorId = registered.body.user.id;
  await call(base, 'POST', `/api/admin/doctors/${doctorId}/verify`, {
    token: admin,
    body: { decision: 'approved' },
  });
  await call(base, 'PUT', '/api/doctors/me/availability', {
    token: registered.body.accessToken,
    body: { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly: allDay },
  });
  const patient = { email: 'videopatient@bench.test', password: 'bench-patient-1' };
  const patientAuth = await call(base, 'POST', '/api/patients/register', {
    body: { ...CONSENT, ...patient, fullName: 'Patient Video Bench' },
  });
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 24 * HOUR).toISOString();
  const slots = await call(
    base,
    'GET',
    `/api/doctors/${doctorId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  const free = slots.body.slots.filter((slot) => slot.available).slice(0, count);
  if (free.length < count) throw new Error(`only ${free.length} free slots for ${count} calls`);
  const appointments = [];
  for (const slot of free) {
    const booked = await call(base, 'POST', '/api/appointments', {
      token: patientAuth.body.accessToken,
      body: { doctorId, startAt: slot.startAt, mode: 'video' },
    });
    if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.body)}`);
    appointments.push({ id: booked.body.id, startAt: booked.body.startAt });
  }
  return { doctor, patient, appointments };
}

export async function benchmarkVideo() {
  // Calls may start a day early here, so 20 consecutive slots can all be called now.
  const stack = await startStack({
    serviceEnv: {
      VIDEO_ICE_SERVERS: '[]',
      VIDEO_JOIN_EARLY_MINUTES: '1440',
      ...testing.videoMediaEnv(videoMode()),
    },
  });
  const servers = [];
  let browser;
  try {
    console.error(`seeding a doctor, a patient and ${CALLS} video appointments…`);
    // Half the calls rung and accepted, half from the waiting room (the patient waits, the doctor admits).
    const { doctor, patient, appointments } = await seed(stack.base, 2 * CALLS);
    const status = await videoStatus(stack.infra);
    const [doctorWeb, patientWeb] = await Promise.all([
      testing.serveSpa('doctor-web', stack.base),
      testing.serveSpa('patient-web', stack.base),
    ]);
    servers.push(doctorWeb, patientWeb);
    browser = await testing.launchChromium();
    const doctorPage = await (await browser.newContext()).newPage();
    const patientPage = await (await browser.newContext()).newPage();
    for (const page of [doctorPage, patientPage]) page.setDefaultTimeout(30_000);
    await testing.logIn(doctorPage, doctorWeb.url, doctor);
    await testing.logIn(patientPage, patientWeb.url, patient);

    /** The doctor's End call, then "End the call only" where the page asks whether the consultation is complete. */
    const endCallOnly = async (page, timeout = 30_000) => {
      await page.getByRole('button', { name: 'End call' }).click({ timeout });
      await page
        .getByRole('dialog', { name: 'End the call?' })
        .getByRole('button', { name: 'End the call only' })
        .click({ timeout });
    };

    /**
     * Once both sides have their first frame: both sides' timeline from `from` with what their
     * cameras sent (senderLog), read before the call ends; then the doctor ends the call and both
     * pages say so. Answers the timeline.
     */
    const timelineThenEnd = async (from, doctorFirst, patientFirst, [doctorSent, patientSent]) => {
      const steps = await timeline(from, [
        ['doctor', doctorPage, doctorFirst, doctorSent],
        ['patient', patientPage, patientFirst, patientSent],
      ]);
      await endCallOnly(doctorPage);
      await callStatus(doctorPage, 'Call ended').waitFor();
      await callStatus(patientPage, 'Call ended').waitFor();
      return steps;
    };

    /** One call: the doctor starts it, the patient accepts; both wait for their first frame; the doctor ends it. */
    const oneCall = async (appointmentId) => {
      // Each call a fresh visit for the patient too: one socket accepting 20 calls in a few seconds
      // would meet the gateway's per-socket limit (10 call:accept per 10 s), as no person would.
      await patientPage.goto(patientWeb.url);
      await doctorPage.goto(`${doctorWeb.url}/appointments/${appointmentId}`);
      const start = doctorPage.getByRole('button', { name: 'Start video call' });
      await start.waitFor();
      const startedAt = Date.now();
      await start.click();
      const doctorFrame = firstFrameAt(doctorPage);
      doctorFrame.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      const accept = patientPage.getByRole('alertdialog').getByRole('button', { name: 'Accept' });
      await accept.waitFor();
      const acceptedAt = Date.now();
      await accept.click();
      const sent = [senderLog(doctorPage), senderLog(patientPage)];
      const [doctorFirst, patientFirst] = await Promise.all([doctorFrame, firstFrameAt(patientPage)]);
      await stopSenderLogs(doctorPage, patientPage);
      const [doctorSent, patientSent] = await Promise.all(sent);
      const [doctorAt, patientAt] = [doctorFirst.at, patientFirst.at];
      const steps = await timelineThenEnd(acceptedAt, doctorFirst, patientFirst, [doctorSent, patientSent]);
      return {
        patient: patientAt - acceptedAt,
        doctorAfterAccept: doctorAt - acceptedAt,
        doctor: doctorAt - startedAt,
        plis: `${doctorFirst.plis}/${patientFirst.plis}`,
        steps,
      };
    };
    /** The doctor's queue day of an appointment (the doctor's hours are in Asia/Kolkata). */
    const queueDay = (startAt) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date(startAt));

    /** One call from the waiting room: the patient waits, the doctor admits; both wait for their first frame. */
    const admittedCall = async ({ id, startAt }) => {
      await patientPage.goto(`${patientWeb.url}/calls/${id}`);
      await patientPage.getByText('You are in the waiting room.', { exact: false }).waitFor();
      await doctorPage.goto(`${doctorWeb.url}/queue?date=${queueDay(startAt)}`);
      const entry = doctorPage
        .getByRole('listitem')
        .filter({ has: doctorPage.locator(`a[href="/appointments/${id}"]`) });
      const admit = entry.getByRole('button', { name: 'Admit' });
      await admit.waitFor();
      const admittedAt = Date.now();
      await admit.click();
      const patientFrame = firstFrameAt(patientPage);
      patientFrame.catch(() => undefined); // awaited below
      const patientSending = senderLog(patientPage);
      await doctorPage.waitForURL(new RegExp(`/calls/${id}$`));
      const doctorSending = senderLog(doctorPage);
      const [doctorFirst, patientFirst] = await Promise.all([firstFrameAt(doctorPage), patientFrame]);
      await stopSenderLogs(doctorPage, patientPage);
      const [doctorSent, patientSent] = await Promise.all([doctorSending, patientSending]);
      const [doctorAt, patientAt] = [doctorFirst.at, patientFirst.at];
      const steps = await timelineThenEnd(admittedAt, doctorFirst, patientFirst, [doctorSent, patientSent]);
      return {
        patient: patientAt - admittedAt,
        doctor: doctorAt - admittedAt,
        plis: `${doctorFirst.plis}/${patientFirst.plis}`,
        steps,
      };
    };

    /** After a failed call: screenshots for reading it, the call ended if it still runs, fresh pages. */
    const recover = async (i) => {
      await Promise.all(
        [doctorPage, patientPage].map((page, n) =>
          page
            .screenshot({ path: join(root, 'tmp', `bench-video-${i + 1}-${n ? 'patient' : 'doctor'}.png`) })
            .catch(() => undefined),
        ),
      );
      await endCallOnly(doctorPage, 2000).catch(() => undefined);
      await patientPage.goto(patientWeb.url);
    };

    /** The slowest call so far (its slower side), with its steps: where its time went. */
    let slowest = null;
    const keepIfSlowest = (label, took) => {
      const ms = Math.max(took.patient, took.doctorAfterAccept ?? took.doctor);
      if (!slowest || ms > slowest.ms) slowest = { label, ms, steps: took.steps };
    };

    const patientSide = [];
    const doctorAfterAccept = [];
    const doctorSide = [];
    const failed = [];
    for (let i = 0; i < CALLS; i += 1) {
      try {
        const took = await oneCall(appointments[i].id);
        patientSide.push(took.patient);
        doctorAfterAccept.push(took.doctorAfterAccept);
        doctorSide.push(took.doctor);
        keepIfSlowest(`rung call ${i + 1} (ms from the patient's Accept)`, took);
        console.error(
          `call ${i + 1}/${CALLS}: patient ${took.patient} ms, doctor ${took.doctor} ms (keyframe requests doctor/patient ${took.plis})`,
        );
      } catch (error) {
        failed.push(i + 1);
        console.error(`call ${i + 1}/${CALLS} failed: ${error.message.split('\n')[0]} (screenshots in tmp/)`);
        await recover(i);
      }
    }

    const admittedPatient = [];
    const admittedDoctor = [];
    for (let i = 0; i < CALLS; i += 1) {
      try {
        const took = await admittedCall(appointments[CALLS + i]);
        admittedPatient.push(took.patient);
        admittedDoctor.push(took.doctor);
        keepIfSlowest(`admitted call ${i + 1} (ms from the doctor's Admit)`, took);
        console.error(
          `admitted call ${i + 1}/${CALLS}: patient ${took.patient} ms, doctor ${took.doctor} ms (keyframe requests doctor/patient ${took.plis})`,
        );
      } catch (error) {
        failed.push(`admitted ${i + 1}`);
        console.error(
          `admitted call ${i + 1}/${CALLS} failed: ${error.message.split('\n')[0]} (screenshots in tmp/)`,
        );
        await recover(CALLS + i);
      }
    }

    const row = (label, values) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `| ${label} | ${percentile(sorted, 0.5)} | ${percentile(sorted, 0.99)} | ${sorted[0]} | ${sorted.at(-1)} |`;
    };
    return [
      `Video call setup: ${machine()}. ${CALLS} calls, one after another, between a doctor and a patient in two headless Chromium contexts (fake camera and microphone) on the built SPAs; video-service in ${status.mode} mode (${status.workers} mediasoup workers${status.reason ? `: ${status.reason}` : ''}), ICE over loopback host candidates. First frame: the page's \`inbound-rtp\` video \`framesDecoded > 0\`, polled every 10 ms.`,
      '',
      '| from → first decoded video frame | p50 ms | p99 ms | min ms | max ms |',
      '|---|---|---|---|---|',
      row('patient: Accept clicked (join, accept, connect)', patientSide),
      row('doctor: the patient’s Accept', doctorAfterAccept),
      row('doctor: Start video call clicked (join, ring, the patient accepts at once)', doctorSide),
      row('patient, waiting in the waiting room: the doctor’s Admit clicked', admittedPatient),
      row(
        'doctor: Admit clicked (the page opens the call; the waiting patient answers at once)',
        admittedDoctor,
      ),
      '',
      failed.length
        ? `Calls without a first frame on both sides (left out above): ${failed.length} of ${2 * CALLS} (call ${failed.join(', ')}).`
        : `Every one of the ${2 * CALLS} calls (${CALLS} rung, ${CALLS} admitted) reached a decoded frame on both sides.`,
      ...(slowest?.steps.length
        ? [
            '',
            `The slowest call, ${slowest.label}: each side's media set-up steps (sfu-media.ts).`,
            '',
            '| ms | side | step |',
            '|---|---|---|',
            ...slowest.steps.map(({ ms, side, step }) => `| ${ms} | ${side} | ${step} |`),
          ]
        : []),
    ].join('\n');
  } finally {
    await browser?.close();
    await Promise.all(servers.map((server) => server.stop()));
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchmarkVideo()
    .then((report) => console.log(report))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
