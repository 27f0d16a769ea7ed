#!/usr/bin/env node
// 1,000 sockets over 2 gateway instances at 50 messages a second: delivery latency, messages
// lost, gateway memory (issue: real-time chat). Every sender is on one gateway and its receiver
// on the other, so each message crosses instances through NATS.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { ADMIN, CONSENT, call, inBatches, machine, percentile, startStack } from './lib/stack.mjs';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');

const PAIRS = Number(process.env.BENCH_CHAT_PAIRS ?? 500);
const DOCTORS = Number(process.env.BENCH_CHAT_DOCTORS ?? 50);
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Sent first at the same rate and not measured: the first messages pay for JIT and cold code paths. */
const WARMUP_SECONDS = Number(process.env.BENCH_CHAT_WARMUP_SECONDS ?? 2);
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const HALF_HOUR = 30 * 60_000;

const connect = (base, token) =>
  new Promise((resolve, reject) => {
    const socket = io(base, {
      path: '/socket.io',
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
const ask = (socket, event, payload) =>
  new Promise((resolve) =>
    socket.timeout(10000).emit(event, payload, (err, ack) => resolve(err ? { error: String(err) } : ack)),
  );

export async function benchmarkChat() {
  const stack = await startStack({ gateways: 2 });
  const sockets = [];
  try {
    const [gatewayA, gatewayB] = stack.urls;
    const admin = (await call(gatewayA, 'POST', '/api/admin/login', { body: ADMIN })).body.accessToken;
    console.error(`seeding ${DOCTORS} doctors, ${PAIRS} patients and their appointments…`);
    const doctors = await inBatches(DOCTORS, 6, async (i) => {
      const registered = await call(gatewayA, 'POST', '/api/doctors/register', {
        body: {
          ...CONSENT,
          email: `chatdoc${i}@bench.test`,
          password: 'bench-doctor-1',
          fullName: `Dr Chat ${i}`,
          specialization: 'General Medicine',
          licenseNumber: `CHAT-${100000 + i}`,
          yearsOfExperience: 5,
          consultationFee: { amount: 30000, currency: 'INR' },
        },
      });
      await call(gatewayA, 'POST', `/api/admin/doctors/${registered.body.user.id}/verify`, {
        token: admin,
        body: { decision: 'approved' },
      });
      await call(gatewayA, 'PUT', '/api/doctors/me/availability', {
        token: registered.body.accessToken,
        body: { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly: allDay },
      });
      return { id: registered.body.user.id, token: registered.body.accessToken };
    });
    const firstSlot = Math.ceil((Date.now() + 24 * 3_600_000) / HALF_HOUR) * HALF_HOUR;
    const pairs = await inBatches(PAIRS, 6, async (i) => {
      const registered = await call(gatewayA, 'POST', '/api/patients/register', {
        body: {
          ...CONSENT,
          email: `chatpatient${i}@bench.test`,
          password: 'bench-patient-1',
          fullName: `Patient Chat ${i}`,
        },
      });
      const doctor = doctors[i % DOCTORS];
      const startAt = new Date(firstSlot + Math.floor(i / DOCTORS) * HALF_HOUR).toISOString();
      const booked = await call(gatewayA, 'POST', '/api/appointments', {
        token: registered.body.accessToken,
        body: { doctorId: doctor.id, startAt, mode: 'chat' },
      });
      if (booked.status !== 201)
        throw new Error(`booking ${i}: ${booked.status} ${JSON.stringify(booked.body)}`);
      return { patientToken: registered.body.accessToken, doctor };
    });
    console.error('waiting for the chat rooms…');
    await inBatches(PAIRS, 10, async (i) => {
      for (let tries = 0; tries < 100; tries += 1) {
        const rooms = await call(gatewayA, 'GET', '/api/chat/rooms', { token: pairs[i].patientToken });
        if (rooms.status === 200 && rooms.body.length > 0) {
          pairs[i].roomId = rooms.body[0].id;
          return;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no chat room for pair ${i}`);
    });

    console.error(`connecting ${PAIRS * 2} sockets over 2 gateways…`);
    const latencies = [];
    const sentAt = new Map();
    let received = 0;
    await inBatches(PAIRS, 20, async (i) => {
      const pair = pairs[i];
      pair.sender = await connect(gatewayA, pair.patientToken);
      pair.receiver = await connect(gatewayB, pair.doctor.token);
      sockets.push(pair.sender, pair.receiver);
      for (const socket of [pair.sender, pair.receiver]) {
        const ack = await ask(socket, 'chat:join', { roomId: pair.roomId });
        if (ack?.error) throw new Error(`join: ${JSON.stringify(ack)}`);
      }
      pair.receiver.on('chat:message', (message) => {
        const started = sentAt.get(message.clientId);
        if (started === undefined) return;
        sentAt.delete(message.clientId);
        received += 1;
        latencies.push(performance.now() - started);
      });
    });
    const rssBefore = stack.rss();

    let sent = 0;
    let sendErrors = 0;
    /** Sends `count` messages at RATE; only measured ones are timed and counted. */
    const sendAtRate = (count, measured) =>
      new Promise((resolve) => {
        let n = 0;
        const timer = setInterval(() => {
          if (n >= count) {
            clearInterval(timer);
            resolve();
            return;
          }
          const pair = pairs[n % PAIRS];
          const clientId = randomUUID();
          n += 1;
          if (measured) {
            sentAt.set(clientId, performance.now());
            sent += 1;
          }
          pair.sender
            .timeout(10000)
            .emit('chat:send', { roomId: pair.roomId, body: `hello ${n}`, clientId }, (err, ack) => {
              if (measured && (err || ack?.error)) sendErrors += 1;
            });
        }, 1000 / RATE);
      });
    console.error(`warming up: ${RATE} messages a second for ${WARMUP_SECONDS} s, not measured…`);
    await sendAtRate(RATE * WARMUP_SECONDS, false);
    console.error(`sending ${RATE} messages a second for ${SECONDS} s…`);
    await sendAtRate(RATE * SECONDS, true);
    await new Promise((r) => setTimeout(r, 3000));
    const rssAfter = stack.rss();
    latencies.sort((a, b) => a - b);

    return [
      `Chat: ${machine()}. ${PAIRS * 2} sockets (${PAIRS} rooms), senders on gateway 1 and receivers on gateway 2, ${RATE} messages/s for ${SECONDS} s after ${WARMUP_SECONDS} s of unmeasured warm-up at the same rate.`,
      '',
      '| messages sent | delivered | lost | send errors | p50 ms | p99 ms | max ms |',
      '|---|---|---|---|---|---|---|',
      `| ${sent} | ${received} | ${sent - received} | ${sendErrors} | ${percentile(latencies, 0.5).toFixed(1)} | ${percentile(latencies, 0.99).toFixed(1)} | ${latencies.at(-1)?.toFixed(1)} |`,
      '',
      '| process | RSS with sockets connected (MB) | RSS after the load (MB) |',
      '|---|---|---|',
      ...['gateway-1', 'gateway-2', 'chat-service', 'notification-service'].map(
        (name) => `| ${name} | ${rssBefore[name]} | ${rssAfter[name]} |`,
      ),
    ].join('\n');
  } finally {
    for (const socket of sockets) socket.close();
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchmarkChat()
    .then((report) => console.log(report))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
